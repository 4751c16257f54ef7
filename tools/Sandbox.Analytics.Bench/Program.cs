using System.CommandLine;
using System.Diagnostics;
using DuckDB.NET.Data;
using Sandbox.Analytics;
using Sandbox.Analytics.Bench;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Sql;
using Sandbox.Core.Endpoints;
using GeneratorConfig = Sandbox.Generator.Config.GeneratorConfig;

// The 14-day funnel on ~10M events: the rendered warehouse SQL vs hand-written PostgreSQL queries,
// and the rendered DuckDB SQL on a native table (the baseline the lake is compared with), timed in
// alternating rounds of one run. Needs the warehouse of the native stack; keeps its data for reruns.
var eventsOption = new Option<long>("--events") { Description = "total events to generate", DefaultValueFactory = _ => 10_000_000 };
var daysOption = new Option<int>("--days") { Description = "days", DefaultValueFactory = _ => 14 };
var usersOption = new Option<int>("--users") { Description = "user pool", DefaultValueFactory = _ => 200_000 };
var roundsOption = new Option<int>("--rounds") { Description = "timed rounds", DefaultValueFactory = _ => 3 };
var dataOption = new Option<string>("--data") { Description = "folder for the DuckDB file", DefaultValueFactory = _ => ".sandbox/bench/analytics" };
var root = new RootCommand("14-day funnel: rendered SQL vs hand-tuned, warehouse and DuckDB") { eventsOption, daysOption, usersOption, roundsOption, dataOption };
root.SetAction(async (parse, _) =>
{
    var days = parse.GetValue(daysOption);
    var from = new DateOnly(2026, 11, 1);
    var config = new GeneratorConfig
    {
        From = from, To = from.AddDays(days - 1), Users = parse.GetValue(usersOption),
        EventsPerDay = parse.GetValue(eventsOption) / days, Seed = 42, Servers = 4,
    };
    var duckDbPath = Path.Combine(parse.GetValue(dataOption)!, $"{config.EventsPerDay}x{days}-{config.Users}", "events.duckdb");
    var data = new BenchData(config, EndpointsLoader.Load().WarehouseAdminConnectionString, duckDbPath);
    var manifest = await data.EnsureLoadedAsync();
    await using var warehouse = data.OpenWarehouse();
    using var duck = new DuckDBConnection($"DataSource={duckDbPath}");
    duck.Open();
    var engines = (Warehouse: new WarehouseEngine(warehouse), Duck: new DuckDbEngine(duck, "duckdb-native"));
    var range = new DateRange(config.From, config.To);
    Console.WriteLine($"{manifest.Totals!.Events:N0} events, {days} days; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    foreach (var generated in config.Behaviour.Funnels)
    {
        var funnel = new FunnelDefinition(generated.Name, generated.Steps, range);
        var truth = manifest.Days.Where(d => range.Contains(d.Date)).Select(d => d.Funnels[funnel.Name]).ToList();
        var candidates = new (string Name, IAnalyticsEngine Engine, string Sql)[]
        {
            ("warehouse: rendered", engines.Warehouse, FunnelSql.Render(funnel, SqlDialect.Postgres)),
            ("warehouse: hand-tuned join chain", engines.Warehouse, HandTunedFunnels.JoinChain(funnel)),
            ("warehouse: hand-tuned window flags", engines.Warehouse, HandTunedFunnels.WindowFlags(funnel, SqlDialect.Postgres)),
            ("warehouse: same shape, string_agg+regex", engines.Warehouse, HandTunedFunnels.StringAggRegex(funnel)),
            ("duckdb native: rendered", engines.Duck, FunnelSql.Render(funnel, SqlDialect.DuckDb)),
            ("duckdb native: hand-tuned window flags", engines.Duck, HandTunedFunnels.WindowFlags(funnel, SqlDialect.DuckDb)),
            // A one-day window changes nothing in a day-scoped funnel but selects the window plan.
            ("warehouse: rendered, window plan", engines.Warehouse, FunnelSql.Render(funnel with { ConversionWindow = TimeSpan.FromDays(1) }, SqlDialect.Postgres)),
            ("duckdb native: rendered, window plan", engines.Duck, FunnelSql.Render(funnel with { ConversionWindow = TimeSpan.FromDays(1) }, SqlDialect.DuckDb)),
        };
        var seconds = candidates.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 1; round <= parse.GetValue(roundsOption); round++)
        {
            // Alternate the order so no candidate always runs on a warmer (or busier) machine.
            var order = round % 2 == 1 ? candidates : candidates.Reverse().ToArray();
            foreach (var (name, engine, sql) in order)
            {
                var clock = Stopwatch.StartNew();
                var rows = await engine.QueryAsync(sql);
                seconds[name].Add(clock.Elapsed.TotalSeconds);
                var perDay = rows.Select(r => r.Skip(r.Length - funnel.Steps.Count).Select(Convert.ToInt64).ToList()).ToList();
                if (!perDay.Zip(truth).All(p => p.First.SequenceEqual(p.Second)) || perDay.Count != truth.Count)
                    throw new InvalidOperationException($"{name}: funnel {funnel.Name} differs from the manifest");
                Console.WriteLine($"  round {round} {funnel.Name,-10} {name,-40} {clock.Elapsed.TotalSeconds,7:F2} s  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
        }
        // The baseline: the faster of the two other-approach warehouse queries, per round (rounds are paired).
        var baseline = Enumerable.Range(0, seconds["warehouse: rendered"].Count)
            .Select(i => Math.Min(seconds["warehouse: hand-tuned join chain"][i], seconds["warehouse: hand-tuned window flags"][i])).ToList();
        Console.WriteLine($"funnel {funnel.Name} ({funnel.Steps.Count} steps, equal to the manifest on every day), medians; " +
                          "ratio = median of per-round ratios to the faster hand-tuned other-approach warehouse query (join chain or window flags) of that round:");
        foreach (var (name, _, _) in candidates)
            Console.WriteLine($"  {name,-40} {Median(seconds[name]),7:F2} s   x{Median(seconds[name].Zip(baseline, (s, b) => s / b).ToList()):F2}");
    }
    return 0;
});
return await root.Parse(args).InvokeAsync();

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
