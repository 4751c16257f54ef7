using Amazon.S3;
using Npgsql;
using Sandbox.Core.TrackingPlan;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>
/// The real loader, with the warehouse "down" on demand: while down, loads go to a Postgres
/// address where nothing listens, so they fail the way an outage does (NpgsqlException).
/// </summary>
public sealed class SwitchableLoader : IManifestLoader, IAsyncDisposable
{
    private readonly WarehouseManifestLoader _live, _dead;
    private readonly NpgsqlDataSource _nowhere;

    public SwitchableLoader(NpgsqlDataSource warehouse, IAmazonS3 s3)
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        _nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=sandbox;Password=sandbox;Database=warehouse;Timeout=2");
        _live = new WarehouseManifestLoader(new WarehouseLoader(warehouse, s3, plan));
        _dead = new WarehouseManifestLoader(new WarehouseLoader(_nowhere, s3, plan));
    }

    public volatile bool Down;
    public int FailedAttempts;

    private IManifestLoader Current => Down ? _dead : _live;

    public Task<LoadResult> LoadAsync(string deliveryStream, string manifestBucket, string manifestKey, CancellationToken cancellationToken) =>
        Count(Current.LoadAsync(deliveryStream, manifestBucket, manifestKey, cancellationToken));

    public Task<LoadResult> ReplayAsync(string deliveryStream, string errorBucket, string errorManifestKey, CancellationToken cancellationToken) =>
        Count(Current.ReplayAsync(deliveryStream, errorBucket, errorManifestKey, cancellationToken));

    private async Task<LoadResult> Count(Task<LoadResult> load)
    {
        try
        {
            return await load;
        }
        catch
        {
            Interlocked.Increment(ref FailedAttempts);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _nowhere.DisposeAsync();
}
