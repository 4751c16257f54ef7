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

    /// <summary>How long a run waits for the table's lock: a killed run's warehouse session can hold it a moment after the kill.</summary>
    public static TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    public static async Task<TableLock> AcquireAsync(NpgsqlConnection connection, SyncTableConfig config, CancellationToken cancellationToken)
    {
        var key = $"sandbox sync {config.Target}";
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new() { Value = key });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return new TableLock(connection, key);
            // PostgreSQL ends a killed client's session when it next touches its socket: usually at once, but not mid-statement.
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException(
                    $"sync {config.Name}: another run has been syncing {config.Target} for over {Wait.TotalSeconds:N0} s; try again when it has finished");
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
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
