using System.CommandLine;
using System.Globalization;
using Sandbox.Core.Endpoints;
using Sandbox.Load.Day;
using Sandbox.Load.Processes;
using Sandbox.Load.Reporting;
using Sandbox.Stack;

namespace Sandbox.Load.Cli;

/// <summary>
/// `sandbox load`: replays a generated day through the running stack, the boxes as separate
/// `sandbox` processes; a live view, a report with the per-interval series and (quotas on) the
/// shard verdict, and the integrity check at the end. Bad input is refused before anything starts.
/// </summary>
public static class LoadCommand
{
    private const int MaxAutoRuns = 4;

    public static Command Build()
    {
        var events = new Option<long>("--events") { Description = "Events in the generated day (the generator's diurnal curve)", DefaultValueFactory = _ => 30_000_000 };
        var day = new Option<string?>("--day") { Description = "Replay this folder (`sandbox generate` output with its manifest.json) instead of generating one" };
        var speed = new Option<string>("--speed") { Description = "max (as fast as the stack goes, every line there at the start) or K (K x real time: 24 = the day in an hour)", DefaultValueFactory = _ => "max" };
        var shards = new Option<string>("--shards") { Description = "Shards of the run's stream, or auto (re-runs at other counts for the shard verdict; needs --speed K)", DefaultValueFactory = _ => "4" };
        var quotas = new Option<string?>("--quotas") { Description = "Kinesis per-shard quotas on|off (default: on with --speed K, off at --speed max)" };
        var chaos = new Option<bool>("--chaos") { Description = "SIGKILL the shipper, Firehose host, click-log host and Kinesis engine at seeded times, and stop the warehouse once" };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated day and of the chaos schedule", DefaultValueFactory = _ => 42 };
        var chaosEvery = new Option<double>("--chaos-every") { Description = "Mean seconds between two kills of the same process", DefaultValueFactory = _ => 120 };
        var outage = new Option<double>("--outage-seconds") { Description = "How long --chaos keeps the warehouse stopped", DefaultValueFactory = _ => 60 };
        var interval = new Option<double>("--interval-seconds") { Description = "Length of one point of the series", DefaultValueFactory = _ => 60 };
        var buffer = new Option<int>("--buffer-seconds") { Description = "Firehose buffering interval", DefaultValueFactory = _ => 60 };
        var keep = new Option<bool>("--keep") { Description = "Keep the run's stream, database, buckets and tables (removed by default)" };
        var reports = new Option<string>("--reports") { Description = "Folder for load-<timestamp>/", DefaultValueFactory = _ => ".sandbox/reports" };
        var command = new Command("load", "Load test: replay a generated day through the running stack (shipper, Kinesis, Firehose, click-log Lambda as separate processes)")
        {
            events, day, speed, shards, quotas, chaos, seed, chaosEvery, outage, interval, buffer, keep, reports,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LoadOptions options;
            bool auto;
            try
            {
                (options, auto) = Parse(parse.GetValue(events), parse.GetValue(day), parse.GetValue(speed)!, parse.GetValue(shards)!, parse.GetValue(quotas),
                    parse.GetValue(chaos), parse.GetValue(seed), parse.GetValue(chaosEvery), parse.GetValue(outage), parse.GetValue(interval),
                    parse.GetValue(buffer), parse.GetValue(keep), parse.GetValue(reports)!);
            }
            catch (LoadInputException e)
            {
                return Refuse(e.Message);
            }
            return await RunAsync(options, auto, cancellationToken);
        });
        return command;
    }

    public static (LoadOptions Options, bool Auto) Parse(long events, string? day, string speed, string shards, string? quotas, bool chaos, int seed,
        double chaosEvery, double outage, double interval, int buffer, bool keep, string reports)
    {
        double? k = speed == "max" ? null
            : double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new LoadInputException($"--speed '{speed}' is neither max nor a positive number (24 = a day in an hour)");
        var auto = shards == "auto";
        int? count = auto ? null
            : int.TryParse(shards, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
            : throw new LoadInputException($"--shards '{shards}': a stream needs at least 1 shard (a whole number), or auto");
        if (auto && k is null) throw new LoadInputException("--shards auto needs --speed K: at --speed max there is no peak to size for");
        var quotasOn = quotas switch
        {
            null => k is not null,
            "on" => true,
            "off" => false,
            _ => throw new LoadInputException($"--quotas '{quotas}' is not on or off"),
        };
        if (auto && !quotasOn) throw new LoadInputException("--shards auto needs the quotas on: without them every count holds");
        if (day is null && events < 1) throw new LoadInputException($"--events {events}: a day needs at least one event");
        if (chaosEvery <= 0 || outage < 0 || interval <= 0 || buffer <= 0)
            throw new LoadInputException("--chaos-every, --interval-seconds and --buffer-seconds must be positive, --outage-seconds not negative");
        var options = new LoadOptions
        {
            Events = events, Day = day, Speed = k, Shards = count, Quotas = quotasOn, Chaos = chaos, Seed = seed,
            ChaosEvery = TimeSpan.FromSeconds(chaosEvery), WarehouseOutage = TimeSpan.FromSeconds(outage), Interval = TimeSpan.FromSeconds(interval),
            BufferSeconds = buffer, Keep = keep, ReportsDirectory = reports,
            PostgresPort = int.TryParse(Environment.GetEnvironmentVariable("POSTGRES_PORT"), out var port) ? port : NativePorts.Postgres,
        };
        return (options, auto);
    }

    private static async Task<int> RunAsync(LoadOptions options, bool auto, CancellationToken cancellationToken)
    {
        var endpoints = EndpointsLoader.Load();
        if (await StackProblemAsync(endpoints) is { } down) return Refuse(down);
        LoadDay day;
        try
        {
            if (DiskProblem(options) is { } full) return Refuse(full);
            day = options.Day is { } folder ? LoadDay.Open(folder) : await GeneratedDay.OpenOrGenerateAsync(options, Console.Out, cancellationToken);
        }
        catch (LoadInputException e)
        {
            return Refuse(e.Message);
        }
        var reportFolder = Path.GetFullPath(Path.Combine(options.ReportsDirectory, $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        var view = Console.IsOutputRedirected ? (ILoadView)new PlainLoadView(Console.Out) : new LiveLoadView();
        var runs = new List<LoadRunResult>();
        var evaluations = new List<ShardEvaluation>();
        try
        {
            var shards = options.Shards ?? ShardVerdict.Estimate(day, options.Speed!.Value);
            if (auto) view.Say($"load: --shards auto starts at {shards}, the quota arithmetic for the busiest hour ({day.PeakHour().EventsPerSecond * options.Speed!.Value:N0} records/s at {options.SpeedText})");
            while (true)
            {
                var run = await new LoadRun(options, day, shards, endpoints, StackState.Locate(), Path.Combine(reportFolder, $"run-{shards}-shards"), view).RunAsync(cancellationToken);
                runs.Add(run);
                var evaluation = ShardVerdict.Evaluate(run);
                evaluations.Add(evaluation);
                view.Say($"load: {shards} shards: {(run.Succeeded ? "delivered, integrity holds" : run.Failure ?? run.Integrity?.Summary ?? "stopped")}" +
                         (options.Quotas && !options.Chaos ? $"; {(evaluation.Held ? "held" : "did not hold")}: {string.Join("; ", evaluation.Evidence)}" : ""));
                if (!auto || run.Interrupted || run.Failure is not null || runs.Count >= MaxAutoRuns) break;
                var next = evaluation.Held ? shards - 1 : shards + 1;
                if (next < 1 || evaluations.Any(e => e.Shards == next)) break;
                shards = next;
            }
        }
        catch (LoadInputException e)
        {
            (view as IDisposable)?.Dispose();
            return Refuse(e.Message);
        }
        finally
        {
            (view as IDisposable)?.Dispose();
        }
        // Under --chaos the backlog and lag come from the faults, not the shard count: no verdict.
        var verdict = options.Quotas && !options.Chaos ? ShardVerdict.Decide(evaluations).Text : null;
        var html = await new LoadReport(options, day, runs, evaluations, verdict).WriteAsync(reportFolder);
        foreach (var run in runs) Summarize(run);
        if (verdict is not null) Console.WriteLine($"load: shard verdict: {verdict}");
        Console.WriteLine($"load: report {html} (series in {Path.Combine(reportFolder, "load.json")})");
        if (runs.Any(r => r.Interrupted)) return 130;
        return runs.All(r => r.Failure is null && r.Integrity?.Holds == true) ? 0 : 1;
    }

    private static void Summarize(LoadRunResult run)
    {
        Console.WriteLine($"load: {run.Shards} shards: {run.Shipped:N0} events in {run.Elapsed.TotalSeconds:N1} s ({run.EventsPerSecond:N0} events/s end to end"
                          + (run.Baseline is { } baseline ? $", {run.VersusBaseline:0.###}x of the shipper alone at {baseline.EventsPerSecond:N0}/s" : "") + "); "
                          + $"latency p50/p99 {string.Join(", ", run.Latency.Select(kv => $"{kv.Key} {kv.Value}"))}; "
                          + $"peak RSS {string.Join(", ", run.Points.SelectMany(p => p.Processes).GroupBy(kv => kv.Key).Select(g => $"{g.Key} {g.Max(kv => kv.Value.RssMb):N0} MB"))}");
        if (run.CpuSecondsPerMillion.Count > 0)
            Console.WriteLine($"load: CPU seconds per 1M events: {string.Join(", ", run.CpuSecondsPerMillion.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N1}"))}");
        foreach (var fault in run.Faults)
            Console.WriteLine($"load: fault {fault.Target} at {fault.AtSeconds:N1} s ({fault.Detail}): down {fault.DownSeconds:N1} s, back up after {fault.BackUpAfterSeconds:N1} s, caught up after {fault.CaughtUpAfterSeconds:N1} s");
        if (run.Interrupted) Console.WriteLine("load: interrupted (Ctrl+C): the report holds the series so far");
        if (run.Failure is { } failure) Console.Error.WriteLine($"load: {failure}");
        if (run.Integrity is { } integrity)
        {
            Console.WriteLine($"load: integrity {(integrity.Holds ? "holds" : "DOES NOT hold")}: {integrity.Summary}");
            foreach (var problem in integrity.Problems) Console.Error.WriteLine($"load: {problem}");
        }
    }

    /// <summary>The services a load needs, each answering a real call; null when all do.</summary>
    private static async Task<string?> StackProblemAsync(SandboxEndpoints endpoints)
    {
        await using var stack = new SandboxStack(endpoints);
        var results = await stack.Probe().ProbeAllAsync(TimeSpan.FromSeconds(5));
        var down = results.Where(r => !r.Ready && r.Service is not ("console" or "appdb")).ToList();
        return down.Count == 0 ? null
            : $"the stack is not up: {string.Join("; ", down.Select(r => $"{r.Service} at {r.Endpoint}: {r.Detail}"))}. Start it with `make up`";
    }

    /// <summary>Prints the disk estimate; the reason to refuse when the day would not fit (null when it does).</summary>
    private static string? DiskProblem(LoadOptions options)
    {
        var events = options.Day is { } folder ? LoadDay.Open(folder).Events : options.Events;
        var dayOnDisk = options.Day is not null || GeneratedDay.IsOnDisk(options);
        var estimate = DiskBudget.Estimate(events, dayOnDisk, keepsStaging: options.Keep);
        var free = DiskBudget.FreeBytes(StackState.Locate().Directory ?? options.DaysDirectory, out var where);
        var line = DiskBudget.Describe(events, estimate, free, where, out var enough);
        Console.WriteLine($"load: {line}");
        return enough ? null
            : $"not enough free disk for {events:N0} events ({DiskBudget.Gb(DiskBudget.Needed(estimate))} needed, {DiskBudget.Gb(free)} free, the line above): "
              + "free space (other worktrees' .sandbox/, old load days and reports), or run fewer --events";
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine($"load: {problem}");
        return 2;
    }
}
