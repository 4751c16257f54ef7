using Npgsql;
using Sandbox.Sync.Config;

namespace Sandbox.Sync.Runs;

/// <summary>
/// One run per table at a time: a session advisory lock on the run's warehouse connection, released
/// when the run ends or its connection dies (a killed run never blocks the next one).
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private TableLock(NpgsqlConnection connection, string key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<TableLock> AcquireAsync(NpgsqlConnection connection, SyncTableConfig config, CancellationToken cancellationToken)
    {
        var key = $"sandbox sync {config.Target}";
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", connection);
        command.Parameters.Add(new() { Value = key });
        if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            throw new InvalidOperationException($"sync {config.Name}: another run is syncing {config.Target} right now; try again when it has finished");
        return new TableLock(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open) return;
        await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", _connection);
        command.Parameters.Add(new() { Value = _key });
        try { await command.ExecuteScalarAsync(CancellationToken.None); }
        catch (NpgsqlException) { } // a broken connection has released it already
    }
}
