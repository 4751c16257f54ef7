using Npgsql;
using Sandbox.Sync.Config;

namespace Sandbox.Sync.Runs;

/// <summary>app.sync_runs: a row per table per run, from 'running' to 'succeeded' (with the data) or 'failed'.</summary>
public static class SyncRunLog
{
    /// <summary>Runs of this table left 'running' by a process that died: the caller holds the table's lock, so none is alive.</summary>
    public static async Task AbandonStaleAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            update app.sync_runs set status = 'abandoned', finished_at = clock_timestamp(),
              error = 'the run stopped before it committed (killed or lost its connection); nothing of it was applied'
            where table_name = $1 and status = 'running'
            """, connection);
        command.Parameters.Add(new() { Value = table });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> StartAsync(NpgsqlConnection connection, SyncTableConfig config, string? cursorBefore, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "insert into app.sync_runs (table_name, source, target, mode, cursor_before) values ($1, $2, $3, $4, $5::jsonb) returning run_id",
            connection);
        command.Parameters.Add(new() { Value = config.Name });
        command.Parameters.Add(new() { Value = config.SourceDescription });
        command.Parameters.Add(new() { Value = config.Target });
        command.Parameters.Add(new() { Value = config.Mode.Name() });
        command.Parameters.Add(new() { Value = (object?)cursorBefore ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Inside the run's transaction: the row says 'succeeded' exactly when the data is there.</summary>
    public static async Task SucceedAsync(NpgsqlConnection connection, long runId, long read, long written, long replaced,
        string? cursorAfter, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            update app.sync_runs set status = 'succeeded', rows_read = $2, rows_written = $3, rows_replaced = $4,
              cursor_after = $5::jsonb, finished_at = clock_timestamp(), duration_ms = $6
            where run_id = $1
            """, connection);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = read });
        command.Parameters.Add(new() { Value = written });
        command.Parameters.Add(new() { Value = replaced });
        command.Parameters.Add(new() { Value = (object?)cursorAfter ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (long)duration.TotalMilliseconds });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>After the rollback: what went wrong; the cursor stays as it was.</summary>
    public static async Task FailAsync(NpgsqlConnection connection, long runId, string error, TimeSpan duration)
    {
        await using var command = new NpgsqlCommand(
            "update app.sync_runs set status = 'failed', error = $2, finished_at = clock_timestamp(), duration_ms = $3 where run_id = $1",
            connection);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = error });
        command.Parameters.Add(new() { Value = (long)duration.TotalMilliseconds });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
