using Npgsql;
using Sandbox.Firehose.Destinations.Warehouse;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>
/// The real loader, with the warehouse "down" on demand: while down, loads go to a Postgres
/// address where nothing listens, so they fail the way an outage does (NpgsqlException).
/// </summary>
public sealed class SwitchableLoader : IManifestLoader, IAsyncDisposable
{
    private readonly RedshiftCopyLoader _live, _dead;
    private readonly NpgsqlDataSource _nowhere;

    public SwitchableLoader(NpgsqlDataSource warehouse)
    {
        _nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=sandbox;Password=sandbox;Database=warehouse;Timeout=2");
        _live = new RedshiftCopyLoader(warehouse);
        _dead = new RedshiftCopyLoader(_nowhere);
    }

    public volatile bool Down;
    public int FailedAttempts;

    public async Task<ManifestLoadResult> LoadAsync(ManifestLoad load, CancellationToken cancellationToken)
    {
        try
        {
            return await (Down ? _dead : _live).LoadAsync(load, cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref FailedAttempts);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _nowhere.DisposeAsync();
}
