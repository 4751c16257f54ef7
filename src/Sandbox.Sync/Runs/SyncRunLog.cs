using Npgsql;
using Sandbox.Sync.Config;

namespace Sandbox.Sync.Runs;

/// <summary>app.sync_runs: a row per table per run, from 'running' to 'succeeded' (with the data) or 'failed'.</summary>
public static class SyncRunLog
{
    /// <summary>
    /// Opens a run, in one round trip: runs of this table left 'running' by a process that died are
    /// marked abandoned (the caller holds the table's lock, so none is alive), the stored cursor is
    /// read, and the run's row is inserted with it as cursor_before (none for a full run).
    /// </summary>
    /// <returns>The stored cursor JSON (null before the table's first committed run) and the run's id.</returns>
    public static async Task<(string? Stored, long RunId)> StartAsync(
        NpgsqlConnection connection, SyncTableConfig config, bool full, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var abandon = new NpgsqlBatchCommand(
            """
            update app.sync_runs set status = 'abandoned', finished_at = clock_timestamp(),
              error = 'the run stopped before it committed (killed or lost its connection); nothing of it was applied'
            where table_name = $1 and status = 'running'
            """);
        abandon.Parameters.Add(new() { Value = config.Name });
        var stored = new NpgsqlBatchCommand("select last_record::text from app.sync_state where table_name = $1");
        stored.Parameters.Add(new() { Value = config.Name });
        var start = new NpgsqlBatchCommand(
            """
            insert into app.sync_runs (table_name, source, target, mode, cursor_before)
            select $1, $2, $3, $4, case when $5 then null else (select last_record from app.sync_state where table_name = $1) end
            returning run_id
            """);
        start.Parameters.Add(new() { Value = config.Name });
        start.Parameters.Add(new() { Value = config.SourceDescription });
        start.Parameters.Add(new() { Value = config.Target });
        start.Parameters.Add(new() { Value = config.Mode.Name() });
        start.Parameters.Add(new() { Value = full });
        batch.BatchCommands.Add(abandon);
        batch.BatchCommands.Add(stored);
        batch.BatchCommands.Add(start);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var cursor = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (cursor, reader.GetInt64(0));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw SyncState.NotMigrated(connection);
        }
    }

    /// <summary>Inside the run's transaction: the row says 'succeeded' exactly when the data is there.</summary>
    public static NpgsqlBatchCommand Succeed(long runId, long read, long written, long replaced, string? cursorAfter, TimeSpan duration)
    {
        var command = new NpgsqlBatchCommand(
            """
            update app.sync_runs set status = 'succeeded', rows_read = $2, rows_written = $3, rows_replaced = $4,
              cursor_after = $5::jsonb, finished_at = clock_timestamp(), duration_ms = $6
            where run_id = $1
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = read });
        command.Parameters.Add(new() { Value = written });
        command.Parameters.Add(new() { Value = replaced });
        command.Parameters.Add(new() { Value = (object?)cursorAfter ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (long)duration.TotalMilliseconds });
        return command;
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
