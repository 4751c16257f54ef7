using System.CommandLine;
using System.Diagnostics;
using Sandbox.Core.Endpoints;
using Sandbox.Sync;
using Sandbox.Sync.Bench;
using Sandbox.Sync.Config;
using Sandbox.Sync.Source;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

// `sandbox sync` of the users table (merge on user_id, cursor (updated_at, user_id)) from a private
// MariaDB into a throwaway database on the stack's warehouse, against the raw read + binary COPY of
// the same rows, alternating in every round; right after the full sync, an incremental run after 1% of the rows changed,
// judged against the full sync of the same round. Needs the native stack (the warehouse) and
// Debian's mariadb-server.
var rowsOption = new Option<int>("--rows") { Description = "users in the source table", DefaultValueFactory = _ => 1_000_000 };
var roundsOption = new Option<int>("--rounds") { Description = "rounds of (raw baseline, full sync, incremental sync)", DefaultValueFactory = _ => 3 };
var changedOption = new Option<double>("--changed-percent") { Description = "rows changed before the incremental run", DefaultValueFactory = _ => 1.0 };
var root = new RootCommand("sandbox sync throughput vs a raw MySqlConnector read + Npgsql binary COPY") { rowsOption, roundsOption, changedOption };
root.SetAction(async (parse, _) =>
{
    var (rows, rounds, changedPercent) = (parse.GetValue(rowsOption), parse.GetValue(roundsOption), parse.GetValue(changedOption));
    var changed = (int)(rows * changedPercent / 100);
    Console.WriteLine($"{Environment.ProcessorCount} cores, load {Load()}; starting a private MariaDB with {rows:N0} users ...");
    await using var mariaDb = await PrivateMariaDb.StartAsync();
    await mariaDb.ExecuteAsync(AppSchema.CreateUsers + AppSchema.FillUsers(rows) + "analyze table users;");
    var appDb = AppSource(mariaDb.ReaderConnectionString);
    await using var warehouse = await ThrowawayDatabase.CreateAsync(EndpointsLoader.Load().WarehouseAdminConnectionString, "syncbench");
    var config = SyncConfigLoader.Parse("users", "bench/users.yml",
        "source:\n  table: users\nincremental_columns: [updated_at, user_id]\ntarget: app.users\nmode: merge\n");
    var runner = new SyncRunner(warehouse.DataSource, mariaDb.ReaderConnectionString);

    var ratios = new List<double>();
    var incrementalShares = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        var loadBefore = Load();
        async Task<TimeSpan> Raw()
        {
            var clock = Stopwatch.StartNew();
            var copied = await RawCopyBaseline.RunAsync(appDb, warehouse.DataSource);
            if (copied != rows) throw new InvalidOperationException($"raw baseline copied {copied} of {rows} rows");
            return clock.Elapsed;
        }
        // The incremental run follows its own full sync at once, as a scheduled run follows the last one (not the raw
        // baseline's 1M-row COPY, whose aftermath in the warehouse would land on whichever run came next).
        async Task<(TimeSpan Full, TableRunResult Incremental)> FullThenIncremental()
        {
            await Reset(warehouse);
            var result = await runner.RunAsync(config, full: false, CancellationToken.None);
            if (result.RowsWritten != rows) throw new InvalidOperationException($"full sync wrote {result.RowsWritten} of {rows} rows");
            await mariaDb.ExecuteAsync(
                $"update users set nickname = concat('edited ', {round}), updated_at = timestamp'2026-12-01 00:00:00' + interval {round} day " +
                $"where user_id in (select user_id from (select user_id from users order by rand({round}) limit {changed}) as picked)");
            var next = await runner.RunAsync(config, full: false, CancellationToken.None);
            if (next.RowsRead != changed || next.RowsReplaced != changed)
                throw new InvalidOperationException($"incremental sync read {next.RowsRead} / replaced {next.RowsReplaced}, expected {changed}");
            return (result.Duration, next);
        }
        // Neither side always goes first on a shared, noisy machine.
        var raw = round % 2 == 1 ? await Raw() : default;
        var (full, incremental) = await FullThenIncremental();
        if (round % 2 == 0) raw = await Raw();

        ratios.Add(raw / full);
        incrementalShares.Add(incremental.Duration / full);
        Console.WriteLine($"round {round}: raw read + COPY {rows / raw.TotalSeconds:N0} rows/s ({raw.TotalSeconds:F2} s), " +
                          $"full sync {rows / full.TotalSeconds:N0} rows/s ({full.TotalSeconds:F2} s): {ratios[^1]:F2}x the raw baseline; " +
                          $"incremental ({changed:N0} changed) {incremental.Duration.TotalSeconds:F3} s = {incrementalShares[^1]:P1} of the full sync; " +
                          $"load {loadBefore} -> {Load()}");
    }
    Console.WriteLine($"median: full sync {Median(ratios):F2}x the raw baseline (target >= 0.80x); " +
                      $"incremental {Median(incrementalShares):P1} of the full sync (target <= 5%)");
    return 0;
});
return await root.Parse(args).InvokeAsync();

static string AppSource(string connectionString) => AppDbSource.Normalize(connectionString);

static async Task Reset(ThrowawayDatabase warehouse)
{
    await using var command = warehouse.DataSource.CreateCommand($"drop table if exists app.users; drop table if exists {RawCopyBaseline.Twin}; delete from app.sync_state");
    await command.ExecuteNonQueryAsync();
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
