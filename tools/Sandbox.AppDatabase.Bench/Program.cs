using System.CommandLine;
using System.Diagnostics;
using Sandbox.AppDatabase;
using Sandbox.AppDatabase.Bench;
using Sandbox.Core.Endpoints;
using Sandbox.Generator.AppData;
using Sandbox.Generator.Config;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Simulation;

// Filling the app database (`generate --appdb`: timeline + LOAD DATA rows + load) vs the raw
// MySqlBulkCopy of the same rows held in memory, alternating in one run into two throwaway
// databases on the running stack's app database server.
var usersOption = new Option<int>("--users") { Description = "user pool (the demo's: 100000)", DefaultValueFactory = _ => 100_000 };
var daysOption = new Option<int>("--days") { Description = "days in the range (the demo's: 2)", DefaultValueFactory = _ => 2 };
var roundsOption = new Option<int>("--rounds") { Description = "rounds of (baseline, appdb output)", DefaultValueFactory = _ => 3 };
var root = new RootCommand("App database fill vs raw MySqlBulkCopy") { usersOption, daysOption, roundsOption };
root.SetAction(async (parse, _) =>
{
    var (users, days, rounds) = (parse.GetValue(usersOption), parse.GetValue(daysOption), parse.GetValue(roundsOption));
    var last = new DateOnly(2026, 11, 1);
    var config = new GeneratorConfig { From = last.AddDays(1 - days), To = last, Users = users, Seed = 42 };
    var model = new SimulationModel(config, EntityPoolBuilder.Build(config));
    var baseline = new RawBulkCopyBaseline(new AppDataTimeline(model));
    var server = EndpointsLoader.Load().AppDatabaseConnectionString;
    await using var ours = await ThrowawayAppDatabase.CreateAsync(server, "bench");
    await using var raw = await ThrowawayAppDatabase.CreateAsync(server, "bench_raw");
    Console.WriteLine($"{baseline.Rows:N0} rows over 8 tables ({users:N0} users, {days} days); {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    var (baseSeconds, ourSeconds) = (new List<double>(), new List<double>());
    for (var round = 1; round <= rounds; round++)
    {
        // Alternate who goes first so neither always follows the other.
        if (round % 2 == 0) ourSeconds.Add(await TimeAsync(() => AppDbWriter.WriteAsync(new AppDataTimeline(model), ours.ConnectionString)));
        baseSeconds.Add(await TimeAsync(() => baseline.RunAsync(raw.ConnectionString)));
        if (round % 2 == 1) ourSeconds.Add(await TimeAsync(() => AppDbWriter.WriteAsync(new AppDataTimeline(model), ours.ConnectionString)));
        Console.WriteLine($"round {round}: raw MySqlBulkCopy {baseSeconds[^1]:F2} s, appdb output {ourSeconds[^1]:F2} s, ratio (raw time / ours) {baseSeconds[^1] / ourSeconds[^1]:F2}x");
    }
    double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
    Console.WriteLine($"median: raw {Median(baseSeconds):F2} s ({baseline.Rows / Median(baseSeconds):N0} rows/s), appdb output {Median(ourSeconds):F2} s ({baseline.Rows / Median(ourSeconds):N0} rows/s): {Median(baseSeconds) / Median(ourSeconds):F2}x the raw speed");
    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task<double> TimeAsync(Func<Task> run)
{
    var clock = Stopwatch.StartNew();
    await run();
    return clock.Elapsed.TotalSeconds;
}
