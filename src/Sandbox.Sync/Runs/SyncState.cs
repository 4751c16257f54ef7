using Npgsql;
using Sandbox.Sync.Config;

namespace Sandbox.Sync.Runs;

/// <summary>app.sync_state: the last record per table, kept in the warehouse so it commits with the rows.</summary>
public static class SyncState
{
    /// <returns>The stored cursor JSON, or null before the table's first committed run.</returns>
    /// <summary>A warehouse that never ran migrations 0010/0011 is told so, instead of failing on a missing relation.</summary>
    public static async Task EnsureMigratedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var migrated = new NpgsqlCommand("select to_regclass('app.sync_state') is not null", connection);
        if (!(bool)(await migrated.ExecuteScalarAsync(cancellationToken))!) throw NotMigrated(connection);
    }

    public static InvalidOperationException NotMigrated(NpgsqlConnection connection) => new(
        $"the warehouse ({connection.Host}:{connection.Port}/{connection.Database}) has no app.sync_state: apply its migrations with 'sandbox bootstrap' (make up)");

    public static async Task<string?> ReadAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select last_record::text from app.sync_state where table_name = $1", connection);
        command.Parameters.Add(new() { Value = table });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Inside the run's transaction, after the rows are written (batched with the run log's row).</summary>
    public static NpgsqlBatchCommand Write(SyncTableConfig config, string lastRecord, long runId)
    {
        var command = new NpgsqlBatchCommand(
            """
            insert into app.sync_state (table_name, target, last_record, run_id) values ($1, $2, $3::jsonb, $4)
            on conflict (table_name) do update set target = excluded.target, last_record = excluded.last_record,
              run_id = excluded.run_id, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = config.Name });
        command.Parameters.Add(new() { Value = config.Target });
        command.Parameters.Add(new() { Value = lastRecord });
        command.Parameters.Add(new() { Value = runId });
        return command;
    }

    /// <summary>Forgets the cursor (--full): the next read starts from the first row.</summary>
    public static NpgsqlBatchCommand Clear(string table)
    {
        var command = new NpgsqlBatchCommand("delete from app.sync_state where table_name = $1");
        command.Parameters.Add(new() { Value = table });
        return command;
    }
}
