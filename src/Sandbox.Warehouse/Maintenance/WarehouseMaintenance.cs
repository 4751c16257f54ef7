using Npgsql;

namespace Sandbox.Warehouse.Maintenance;

/// <summary>
/// What the seed's CI job did on Redshift (VACUUM; ANALYZE) for the pipeline tables, and the
/// numbers to judge whether it was needed: size, live and dead rows, when they were last done.
/// </summary>
public sealed class WarehouseMaintenance(NpgsqlDataSource warehouse)
{
    /// <summary>The tables the pipeline writes: loads append to events and bad_events, and update the logs.</summary>
    public static readonly IReadOnlyList<string> PipelineTables = ["events", "bad_events", "load_commits", "delivery_metrics"];

    public async Task VacuumAnalyzeAsync(IEnumerable<string> tables, CancellationToken ct = default)
    {
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        foreach (var table in tables)
        {
            // VACUUM cannot run in a transaction block: one autocommit statement per table.
            await using var vacuum = new NpgsqlCommand($"vacuum (analyze) {Quote(table)}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<TableHealth>> ReportAsync(IReadOnlyList<string> tables, CancellationToken ct = default)
    {
        await using var query = warehouse.CreateCommand(
            """
            select t.name, coalesce(pg_total_relation_size(s.relid), 0), coalesce(s.n_live_tup, 0), coalesce(s.n_dead_tup, 0),
                   greatest(s.last_vacuum, s.last_autovacuum), greatest(s.last_analyze, s.last_autoanalyze), s.relid is not null
            from unnest($1::text[]) with ordinality as t(name, position)
            left join pg_stat_user_tables s on s.relname = t.name and s.schemaname = current_schema()
            order by t.position
            """);
        query.Parameters.Add(new() { Value = tables.ToArray() });
        var report = new List<TableHealth>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.GetBoolean(6))
                throw new InvalidOperationException($"table {reader.GetString(0)} does not exist in the warehouse: run 'sandbox bootstrap' first");
            report.Add(new TableHealth(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return report;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
