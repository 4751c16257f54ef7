using System.CommandLine;
using System.Data.Common;
using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Sync.Config;
using Sandbox.Warehouse;

namespace Sandbox.Sync.Cli;

/// <summary>`sandbox sync`: the app database's tables into the warehouse's app schema, one sync/*.yml per table.</summary>
public static class SyncCommand
{
    public const string DefaultConfigFolder = "sync";

    public static Command Build() => Build(Console.Out, Console.Error);

    public static Command Build(TextWriter output, TextWriter errors)
    {
        var tables = new Option<string[]>("--table") { Description = "Only these tables (config names, repeatable); default every sync/*.yml", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print each table's plan (rows to read, schema changes, how it writes) and change nothing" };
        var full = new Option<bool>("--full") { Description = "Ignore the stored cursor and read every source row (merge: re-merges everything; insert modes append again)" };
        var config = new Option<string>("--config") { Description = "Folder of the per-table YAML files (default: sync/ here or in a parent folder)" };
        var command = new Command("sync", "Copy the app database's tables into the warehouse (app.*), embulk-style: incremental, exactly-once, logged in app.sync_runs")
        {
            tables, dryRun, full, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configs = Select(SyncConfigLoader.LoadDirectory(parse.GetValue(config) ?? FindConfigFolder()), parse.GetValue(tables) ?? []);
            var endpoints = EndpointsLoader.Load();
            // The read-only sync_reader role when the contract names it (SANDBOX_APPDB_SYNC).
            var appDb = endpoints.AppDatabaseSyncConnectionString ?? endpoints.AppDatabaseConnectionString;
            await using var warehouse = WarehouseDataSource.Create(endpoints);
            var failed = 0;
            foreach (var table in configs)
            {
                try
                {
                    if (parse.GetValue(dryRun))
                    {
                        await output.WriteAsync(await new SyncPlanner(warehouse, appDb).PlanAsync(table, parse.GetValue(full), cancellationToken));
                        continue;
                    }
                    var result = await new SyncRunner(warehouse, appDb).RunAsync(table, parse.GetValue(full), cancellationToken);
                    await output.WriteLineAsync(SyncReport.Line(result));
                }
                catch (Exception error) when (error is InvalidOperationException or DbException or TimeoutException)
                {
                    // One table's failure (logged in app.sync_runs) does not stop the others.
                    failed++;
                    var where = error is PostgresException { Where: { } context } ? $" ({context})" : "";
                    await errors.WriteLineAsync($"sync {table.Name} failed: {error.Message}{where}");
                }
            }
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static IReadOnlyList<SyncTableConfig> Select(IReadOnlyList<SyncTableConfig> all, string[] names)
    {
        if (names.Length == 0) return all;
        var unknown = names.Where(n => all.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new FormatException($"--table {string.Join(", ", unknown)}: no such sync config (have {string.Join(", ", all.Select(t => t.Name))})");
        return all.Where(t => names.Contains(t.Name)).ToList();
    }

    private static string FindConfigFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultConfigFolder);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yml").Any()) return candidate;
        }
        return DefaultConfigFolder;
    }
}
