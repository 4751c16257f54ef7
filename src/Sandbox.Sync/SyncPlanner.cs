using System.Text;
using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Sync.Runs;
using Sandbox.Sync.Source;

namespace Sandbox.Sync;

/// <summary>`sandbox sync --dry-run`: what each table's run would read and do, without writing anything.</summary>
public sealed class SyncPlanner(NpgsqlDataSource warehouse, string appDbConnectionString)
{
    public async Task<string> PlanAsync(SyncTableConfig config, bool full, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        await SyncState.EnsureMigratedAsync(connection, cancellationToken);
        var stored = await SyncState.ReadAsync(connection, config.Name, cancellationToken);
        await using var source = await AppDbSource.OpenAsync(appDbConnectionString, config, cancellationToken);
        var prepared = await TablePreparation.PrepareAsync(config, source, connection, stored, full, cancellationToken);
        var rows = await source.CountAsync(prepared.CursorColumns, prepared.After, cancellationToken);

        var plan = new StringBuilder($"{config.Name}: {config.SourceDescription} -> {config.Target}, mode {config.Mode.Name()} ({config.File})\n");
        plan.AppendLine(prepared.CursorColumns.Count == 0
            ? $"  read: every row ({rows:N0})"
            : $"  read: {rows:N0} rows with ({string.Join(", ", prepared.CursorColumns)}) " +
              (prepared.After is null ? "from the first row" : $"> {prepared.After}") + $", in that order");
        foreach (var change in prepared.Schema.Changes) plan.AppendLine($"  target: {change}");
        plan.AppendLine("  write: " + config.Mode switch
        {
            SyncMode.Insert => $"COPY into a staging table, insert into {config.Target}",
            SyncMode.InsertDirect => $"COPY into {config.Target}",
            SyncMode.TruncateInsert => $"COPY into a staging table, empty {config.Target}, insert",
            SyncMode.Replace => $"COPY into a new table that replaces {config.Target}",
            _ => $"COPY into a staging table, replace rows of {config.Target} with the same ({string.Join(", ", prepared.MergeKeys)}), insert",
        } + "; commit with the new cursor and the run's app.sync_runs row");
        return plan.ToString();
    }
}
