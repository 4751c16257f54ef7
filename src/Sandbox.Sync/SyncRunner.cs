using System.Diagnostics;
using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Sync.Runs;
using Sandbox.Sync.Source;
using Sandbox.Sync.Target;

namespace Sandbox.Sync;

/// <summary>What one table's run did (also in app.sync_runs).</summary>
public sealed record TableRunResult(
    SyncTableConfig Config, long RunId, long RowsRead, long RowsWritten, long RowsReplaced,
    Cursor? Before, Cursor? After, IReadOnlyList<string> SchemaChanges, string Path, TimeSpan Duration);

/// <summary>
/// Runs a table's sync: under the table's lock, one warehouse transaction holds the schema
/// changes, the rows, the new cursor and the run's 'succeeded' row, so a run that dies at any point
/// leaves the target and its cursor as the last committed run left them.
/// </summary>
public sealed class SyncRunner(NpgsqlDataSource warehouse, string appDbConnectionString)
{
    public async Task<TableRunResult> RunAsync(SyncTableConfig config, bool full, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        await using var tableLock = await TableLock.AcquireAsync(connection, config, cancellationToken);
        var (stored, runId) = await SyncRunLog.StartAsync(connection, config, full, cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            await using var source = await AppDbSource.OpenAsync(appDbConnectionString, config, cancellationToken);
            var prepared = await TablePreparation.PrepareAsync(config, source, connection, stored, full, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The run's commit need not wait for its WAL flush: the rows, the cursor and the run row commit together or
            // not at all, so a commit lost to a crash of the warehouse host is a run that did not happen: the next run
            // reads the same rows again from the source, with no gap and no duplicate.
            await TableWriter.ExecuteAsync(connection, "set local synchronous_commit = off", cancellationToken);
            foreach (var statement in prepared.Schema.Statements) await TableWriter.ExecuteAsync(connection, statement, cancellationToken);
            TableWriter.Written written;
            await using (var rows = await source.ReadAsync(prepared.CursorColumns, prepared.After, cancellationToken))
                written = await prepared.Writer(config).WriteAsync(rows, connection, createdNow: !prepared.Schema.TargetExists,
                    continuing: prepared.After is not null, cancellationToken);
            var after = written.RowsRead > 0 ? await source.LastCursorAsync(prepared.CursorColumns, prepared.After, cancellationToken) : prepared.After;
            await using (var finish = new NpgsqlBatch(connection)) // the cursor and the run's row: one round trip
            {
                if (after is not null) finish.BatchCommands.Add(SyncState.Write(config, after.ToJson(), runId));
                else if (full) finish.BatchCommands.Add(SyncState.Clear(config.Name));
                finish.BatchCommands.Add(SyncRunLog.Succeed(runId, written.RowsRead, written.RowsWritten, written.RowsReplaced,
                    after?.ToJson(), clock.Elapsed));
                await finish.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new TableRunResult(config, runId, written.RowsRead, written.RowsWritten, written.RowsReplaced,
                prepared.After, after, prepared.Schema.Changes, written.Path, clock.Elapsed);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The transaction (if any) is rolled back by now; record why, so the log says what the cursor did not.
            if (connection.State == System.Data.ConnectionState.Open)
                await SyncRunLog.FailAsync(connection, runId, error.Message, clock.Elapsed);
            throw;
        }
    }
}
