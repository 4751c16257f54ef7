using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Sync.Source;

namespace Sandbox.Sync.Target;

/// <summary>
/// Writes one run's rows into the target by the table's mode, inside the caller's transaction (so
/// the data, the cursor and the run log commit together or not at all).
/// </summary>
public sealed class TableWriter(SyncTableConfig config, RowCopier copier, IReadOnlyList<SourceColumn> source,
    IReadOnlyList<WarehouseType> types, IReadOnlyList<string> primaryKey, IReadOnlyList<string> mergeKeys, MergeUpsert? upsert = null)
{
    private const string Stage = "sync_stage";

    public sealed record Written(long RowsRead, long RowsWritten, long RowsReplaced, string Path);

    /// <param name="createdNow">The target was created earlier in this transaction (its first run).</param>
    /// <param name="continuing">An earlier run committed a cursor: the target holds its rows, so a merge goes straight to
    /// staging without asking whether the target is empty (an emptied one is merged into correctly, only not by COPY).</param>
    public async Task<Written> WriteAsync(SourceRows rows, NpgsqlConnection connection, bool createdNow, bool continuing,
        CancellationToken cancellationToken)
    {
        var target = config.Target;
        switch (config.Mode)
        {
            case SyncMode.InsertDirect:
            {
                var copied = await copier.CopyAsync(rows, connection, target, cancellationToken, freeze: createdNow);
                return new(copied, copied, 0, $"COPY into {target}");
            }
            case SyncMode.Insert:
            {
                if (!rows.Reader.HasRows) return new(0, 0, 0, $"nothing new: {target} unchanged");
                var copied = await StageAsync(rows, connection, cancellationToken);
                var inserted = await ExecuteAsync(connection, InsertFromStage, cancellationToken);
                return new(copied, inserted, 0, $"COPY into staging, insert into {target}");
            }
            case SyncMode.TruncateInsert:
            {
                var copied = await StageAsync(rows, connection, cancellationToken);
                // DELETE, as embulk does on Redshift: readers keep the old rows until the commit instead of waiting on TRUNCATE's lock.
                var removed = await ExecuteAsync(connection, $"delete from {target}", cancellationToken);
                var inserted = await ExecuteAsync(connection, InsertFromStage, cancellationToken);
                return new(copied, inserted, removed, $"COPY into staging, empty {target}, insert");
            }
            case SyncMode.Replace:
            {
                var freshName = $"{config.TargetTable}__sync_new";
                var fresh = $"{config.TargetSchema}.{freshName}";
                await ExecuteAsync(connection, $"drop table if exists {fresh}", cancellationToken);
                await ExecuteAsync(connection, SchemaPlan.CreateTable(fresh, source, types, primaryKey, $"{freshName}_pkey"), cancellationToken);
                var copied = await copier.CopyAsync(rows, connection, fresh, cancellationToken, freeze: true);
                await AnalyzeLoadedAsync(connection, fresh, cancellationToken);
                var replaced = await CountAsync(connection, target, cancellationToken);
                await ExecuteAsync(connection, $"drop table if exists {target}", cancellationToken);
                await ExecuteAsync(connection, $"alter table {fresh} rename to {config.TargetTable}", cancellationToken);
                if (primaryKey.Count > 0) // named as if created in place, so the next replace can use the fresh name again
                    await ExecuteAsync(connection, $"alter table {target} rename constraint {freshName}_pkey to {config.TargetTable}_pkey", cancellationToken);
                return new(copied, copied, replaced, $"COPY into a new table that replaces {target}");
            }
            case SyncMode.Merge:
            {
                // A first load (empty target) cannot match any key: COPY straight in. One run reads each key
                // at most once (one snapshot), so no run can collide with its own rows.
                if (!rows.Reader.HasRows) return new(0, 0, 0, $"nothing new: {target} unchanged");
                if (!continuing && await IsEmptyAsync(connection, target, cancellationToken))
                {
                    var direct = await copier.CopyAsync(rows, connection, target, cancellationToken, freeze: createdNow);
                    await AnalyzeLoadedAsync(connection, target, cancellationToken);
                    return new(direct, direct, 0, $"COPY into {target} (empty: nothing to merge)");
                }
                var copied = await StageAsync(rows, connection, cancellationToken);
                if (upsert is not null)
                {
                    var (updated, upserted) = await UpsertFromStageAsync(connection, upsert, cancellationToken);
                    return new(copied, upserted, updated, $"COPY into staging, upsert into {target} on its key ({string.Join(", ", mergeKeys)}): update matched rows, insert the rest");
                }
                var match = string.Join(" and ", mergeKeys.Select(k => $"t.{k} = s.{k}"));
                // One round trip; ANALYZE tells the planner the stage's size. The target's pages are in memory on a warehouse
                // this size: priced as random reads from disk, a small stage would hash-join against a scan of the whole
                // target (2-3x slower for 1% of 1M rows) instead of probing its key index.
                var (replaced, inserted) = await ExecuteBatchAsync(connection, cancellationToken,
                    $"analyze {Stage}",
                    RandomReadsCached,
                    $"delete from {target} t using {Stage} s where {match}",
                    InsertFromStage);
                return new(copied, inserted, replaced, $"COPY into staging, merge into {target} on ({string.Join(", ", mergeKeys)})");
            }
            default:
                throw new InvalidOperationException($"mode {config.Mode} has no writer");
        }
    }

    private async Task<long> StageAsync(SourceRows rows, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Temporary: unlogged, private to this connection, gone at commit or when a killed run's session ends.
        await ExecuteAsync(connection, $"create temporary table {Stage} (like {config.Target}) on commit drop", cancellationToken);
        return await copier.CopyAsync(rows, connection, Stage, cancellationToken);
    }

    /// <summary>
    /// Statistics for a table just loaded from empty, as Redshift's COPY does by default (STATUPDATE): without
    /// them the next merge's planner guesses the target's size and hash-joins against a scan of all of it.
    /// </summary>
    private static Task<long> AnalyzeLoadedAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"analyze {table}", cancellationToken);

    /// <summary>
    /// Merge as one key probe per row: the stage's rows update their match through the key index (a matched row takes
    /// every source column and its target-only columns go back to their defaults, exactly as if it had been deleted and
    /// inserted), and the rows that matched none are inserted, in one statement. Cheaper than `insert ... on conflict do
    /// update`, which locks each conflicting row (a WAL record of its own) before updating it: one WAL record per row
    /// instead of two (docs/BENCHMARKS.md, sync). Each key is at most once in the stage (one run
    /// reads one snapshot), so no target row is updated twice and no key inserted twice.
    /// </summary>
    /// <returns>The rows that replaced an existing one, and all rows written.</returns>
    private async Task<(long Replaced, long Written)> UpsertFromStageAsync(
        NpgsqlConnection connection, MergeUpsert upsert, CancellationToken cancellationToken)
    {
        var set = source.Select(c => c.Name).Where(c => !mergeKeys.Contains(c)).Select(c => $"{c} = s.{c}")
            .Concat(upsert.TargetOnlyColumns.Select(c => $"{c} = default")).DefaultIfEmpty($"{mergeKeys[0]} = s.{mergeKeys[0]}");
        var columns = string.Join(", ", source.Select(c => c.Name));
        var match = string.Join(" and ", mergeKeys.Select(k => $"t.{k} = s.{k}"));
        var matched = string.Join(" and ", mergeKeys.Select(k => $"u.{k} = s.{k}"));
        var sql = $"with updated as (update {config.Target} t set {string.Join(", ", set)} from {Stage} s where {match} " +
                  $"returning {string.Join(", ", mergeKeys.Select(k => $"t.{k}"))}), " +
                  $"inserted as (insert into {config.Target} ({columns}) select {columns} from {Stage} s " +
                  $"where not exists (select from updated u where {matched}) returning 1) " +
                  "select (select count(*) from updated), (select count(*) from inserted)";
        // A small stage probes the key index (the planner would scan the whole target with random reads priced as from disk).
        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RandomReadsCached));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (replaced, inserted) = (reader.GetInt64(0), reader.GetInt64(1));
        return (replaced, replaced + inserted);
    }

    /// <summary>The target's pages are in memory on a warehouse this size: random reads cost about as much as sequential ones.</summary>
    private const string RandomReadsCached = "set local random_page_cost = 1.1";

    private string InsertFromStage
    {
        get
        {
            var columns = string.Join(", ", source.Select(c => c.Name));
            return $"insert into {config.Target} ({columns}) select {columns} from {Stage}";
        }
    }

    /// <summary>Statements sent as one batch (one round trip); the rows the last two touched.</summary>
    private static async Task<(long, long)> ExecuteBatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken, params string[] statements)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var statement in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return (batch.BatchCommands[^2].RecordsAffected, batch.BatchCommands[^1].RecordsAffected);
    }

    private static async Task<bool> IsEmptyAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select not exists (select from {table})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"select to_regclass('{table}') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return 0;
        await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A merge that can upsert on the target's primary key; target columns the source lacks reset to their defaults.</summary>
public sealed record MergeUpsert(IReadOnlyList<string> TargetOnlyColumns);
