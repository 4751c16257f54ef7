using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Sync.Source;

namespace Sandbox.Sync.Target;

/// <summary>
/// Writes one run's rows into the target by the table's mode, inside the caller's transaction (so
/// the data, the cursor and the run log commit together or not at all).
/// </summary>
public sealed class TableWriter(SyncTableConfig config, RowCopier copier, IReadOnlyList<SourceColumn> source,
    IReadOnlyList<WarehouseType> types, IReadOnlyList<string> primaryKey, IReadOnlyList<string> mergeKeys)
{
    private const string Stage = "sync_stage";

    public sealed record Written(long RowsRead, long RowsWritten, long RowsReplaced, string Path);

    /// <param name="createdNow">The target was created earlier in this transaction (its first run).</param>
    public async Task<Written> WriteAsync(SourceRows rows, NpgsqlConnection connection, bool createdNow, CancellationToken cancellationToken)
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
                var copied = await StageAsync(rows, connection, cancellationToken);
                var inserted = await InsertFromStageAsync(connection, cancellationToken);
                return new(copied, inserted, 0, $"COPY into staging, insert into {target}");
            }
            case SyncMode.TruncateInsert:
            {
                var copied = await StageAsync(rows, connection, cancellationToken);
                // DELETE, as embulk does on Redshift: readers keep the old rows until the commit instead of waiting on TRUNCATE's lock.
                var removed = await ExecuteAsync(connection, $"delete from {target}", cancellationToken);
                var inserted = await InsertFromStageAsync(connection, cancellationToken);
                return new(copied, inserted, removed, $"COPY into staging, empty {target}, insert");
            }
            case SyncMode.Replace:
            {
                var freshName = $"{config.TargetTable}__sync_new";
                var fresh = $"{config.TargetSchema}.{freshName}";
                await ExecuteAsync(connection, $"drop table if exists {fresh}", cancellationToken);
                await ExecuteAsync(connection, SchemaPlan.CreateTable(fresh, source, types, primaryKey, $"{freshName}_pkey"), cancellationToken);
                var copied = await copier.CopyAsync(rows, connection, fresh, cancellationToken, freeze: true);
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
                if (await IsEmptyAsync(connection, target, cancellationToken))
                {
                    var direct = await copier.CopyAsync(rows, connection, target, cancellationToken, freeze: createdNow);
                    return new(direct, direct, 0, $"COPY into {target} (empty: nothing to merge)");
                }
                var copied = await StageAsync(rows, connection, cancellationToken);
                var match = string.Join(" and ", mergeKeys.Select(k => $"t.{k} = s.{k}"));
                var replaced = await ExecuteAsync(connection, $"delete from {target} t using {Stage} s where {match}", cancellationToken);
                var inserted = await InsertFromStageAsync(connection, cancellationToken);
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
        var copied = await copier.CopyAsync(rows, connection, Stage, cancellationToken);
        await ExecuteAsync(connection, $"analyze {Stage}", cancellationToken);
        return copied;
    }

    private Task<long> InsertFromStageAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", source.Select(c => c.Name));
        return ExecuteAsync(connection, $"insert into {config.Target} ({columns}) select {columns} from {Stage}", cancellationToken);
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
