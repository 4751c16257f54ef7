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
        new("warehouse", "Look after the warehouse (Postgres playing Redshift)") { BuildMaintain(dataSource, output) };

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
