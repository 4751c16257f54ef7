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
    public static Command Build()
    {
        var events = new Option<long>("--events") { Description = "Events in the generated day (the generator's diurnal curve)", DefaultValueFactory = _ => 30_000_000 };
        var day = new Option<string?>("--day") { Description = "Replay this folder (`sandbox generate` output with its manifest.json) instead of generating one" };
        var speed = new Option<string>("--speed") { Description = "max (as fast as the stack goes, every line there at the start) or K (K x real time: 24 = the day in an hour)", DefaultValueFactory = _ => "max" };
        var shards = new Option<string>("--shards") { Description = "Shards of the run's stream, or auto (searches over the peak window, then confirms over the whole day; needs --speed K)", DefaultValueFactory = _ => "4" };
        var window = new Option<string>("--window") { Description = "day (the whole day) or peak (only the busiest --peak-hours hours: a shard count checked in minutes; needs --speed K)", DefaultValueFactory = _ => "day" };
        var peakHours = new Option<int>("--peak-hours") { Description = "Hours of the peak window (--window peak and the --shards auto search)", DefaultValueFactory = _ => DayWindow.DefaultHours };
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
            events, day, speed, shards, window, peakHours, quotas, chaos, seed, chaosEvery, outage, interval, buffer, keep, reports,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LoadOptions options;
            bool auto;
            try
            {
                (options, auto) = Parse(parse.GetValue(events), parse.GetValue(day), parse.GetValue(speed)!, parse.GetValue(shards)!, parse.GetValue(window)!, parse.GetValue(peakHours), parse.GetValue(quotas),
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

    public static (LoadOptions Options, bool Auto) Parse(long events, string? day, string speed, string shards, string window, int peakHours, string? quotas, bool chaos, int seed,
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
        var peakOnly = window switch
        {
            "day" => false,
            "peak" => true,
            _ => throw new LoadInputException($"--window '{window}' is neither day (the whole day) nor peak (its busiest --peak-hours hours)"),
        };
        if (peakOnly && k is null) throw new LoadInputException("--window peak needs --speed K: at --speed max every line is there at the start, the peak hours are no busier than the rest");
        if (peakHours is < 1 or > 24) throw new LoadInputException($"--peak-hours {peakHours}: a window is 1 to 24 hours of the day");
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
            Events = events, Day = day, Speed = k, Shards = count, PeakWindowOnly = peakOnly, PeakHours = peakHours, Quotas = quotasOn, Chaos = chaos, Seed = seed,
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
        var runs = new ShardRuns(options, auto, day, endpoints, reportFolder, view);
        string? verdict;
        try
        {
            verdict = await runs.RunAsync(cancellationToken);
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
        var html = await new LoadReport(options, day, runs.Runs, runs.Evaluations, verdict).WriteAsync(reportFolder);
        foreach (var run in runs.Runs) Summarize(run);
        if (verdict is not null) Console.WriteLine($"load: shard verdict: {verdict}");
        Console.WriteLine($"load: report {html} (series in {Path.Combine(reportFolder, "load.json")})");
        if (runs.Runs.Any(r => r.Interrupted)) return 130;
        return runs.Runs.All(r => r.Failure is null && r.Integrity?.Holds == true) ? 0 : 1;
    }

    private static void Summarize(LoadRunResult run)
    {
        Console.WriteLine($"load: {run.Shards} shards over {run.Replayed}: {run.Shipped:N0} events in {run.Elapsed.TotalSeconds:N1} s ({run.EventsPerSecond:N0} events/s end to end"
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

    /// <summary>Prints the disk estimate; the reason to refuse when the run would not fit (null when it does).</summary>
    private static string? DiskProblem(LoadOptions options)
    {
        var onDisk = options.Day is { } folder ? LoadDay.Open(folder) : GeneratedDay.IsOnDisk(options) ? LoadDay.Open(GeneratedDay.FolderOf(options)) : null;
        // --window peak replays only the window; a day still to be generated has no hours yet, so it is sized as the whole day.
        var replayed = options.PeakWindowOnly ? onDisk?.PeakWindow(options.PeakHours) : onDisk;
        var what = replayed?.Describe() ?? $"{options.Events:N0} events{(options.PeakWindowOnly ? " (the peak window, sized as the whole day until the day is generated)" : "")}";
        var live = options.Speed is null ? 0 : DiskBudget.LiveLogs(replayed, options.Events, options.Keep);
        var estimate = DiskBudget.Estimate(onDisk?.Events ?? options.Events, replayed?.Events ?? options.Events, dayOnDisk: onDisk is not null, keepsStaging: options.Keep, live);
        var free = DiskBudget.FreeBytes(StackState.Locate().Directory ?? options.DaysDirectory, out var where);
        var line = DiskBudget.Describe(what, estimate, free, where, out var enough);
        Console.WriteLine($"load: {line}");
        return enough ? null
            : $"not enough free disk for {what} ({DiskBudget.Gb(DiskBudget.Needed(estimate))} needed, {DiskBudget.Gb(free)} free, the line above): "
              + "free space (other worktrees' .sandbox/, old load days and reports), or run fewer --events (or --window peak)";
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine($"load: {problem}");
        return 2;
    }
}
