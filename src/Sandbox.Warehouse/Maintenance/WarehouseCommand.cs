using System.CommandLine;
using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Warehouse.Maintenance;

/// <summary>`sandbox warehouse ...`: commands on the warehouse itself. Register <see cref="Build()"/> on the root command.</summary>
public static class WarehouseCommand
{
    public static Command Build() => Build(() => WarehouseDataSource.CreateAdmin(EndpointsLoader.Load()), Console.Out);

    /// <param name="dataSource">Opened when the command runs, not when it is built (help must work without a warehouse).</param>
    public static Command Build(Func<NpgsqlDataSource> dataSource, TextWriter output) =>
        new("warehouse", "Look after the warehouse (Postgres playing Redshift)") { BuildMaintain(dataSource, output), BuildDedupe(dataSource, output) };

    private static Command BuildDedupe(Func<NpgsqlDataSource> dataSource, TextWriter output)
    {
        var table = new Option<string>("--table") { Description = "Table to dedupe", DefaultValueFactory = _ => "events" };
        var key = new Option<string>("--key") { Description = "Column that should be unique", DefaultValueFactory = _ => "event_id" };
        var keep = new Option<string>("--keep-first-by") { Description = "Of the rows sharing a key, keep the first by this column", DefaultValueFactory = _ => "loaded_at" };
        var command = new Command("dedupe",
            "Remove rows whose key is already in the table (the step teams run on Redshift, which does not enforce primary keys)")
        {
            table, key, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var warehouse = dataSource();
            var result = await new Deduplication(warehouse).RunAsync(parse.GetValue(table)!, parse.GetValue(key)!, parse.GetValue(keep)!, ct);
            await output.WriteLineAsync(
                $"warehouse dedupe: {result.Table}: {result.DuplicatedKeys:N0} {parse.GetValue(key)} values were duplicated, {result.RowsRemoved:N0} surplus rows removed");
            return 0;
        });
        return command;
    }

    private static Command BuildMaintain(Func<NpgsqlDataSource> dataSource, TextWriter output)
    {
        var reportOnly = new Option<bool>("--report-only") { Description = "Only report sizes and dead rows; do not VACUUM ANALYZE" };
        var command = new Command("maintain", "VACUUM ANALYZE the pipeline tables, then report their size, live/dead rows and last vacuum/analyze")
        {
            reportOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var warehouse = dataSource();
            var maintenance = new WarehouseMaintenance(warehouse);
            var tables = WarehouseMaintenance.PipelineTables;
            var before = await maintenance.ReportAsync(tables, ct);
            if (!parse.GetValue(reportOnly))
            {
                await maintenance.VacuumAnalyzeAsync(tables, ct);
                await output.WriteLineAsync(
                    $"warehouse maintain: VACUUM ANALYZE done on {tables.Count} tables, {before.Sum(t => t.DeadRows):N0} dead rows before");
            }
            await output.WriteAsync(MaintenanceReport.Render(await maintenance.ReportAsync(tables, ct)));
            return 0;
        });
        return command;
    }
}
