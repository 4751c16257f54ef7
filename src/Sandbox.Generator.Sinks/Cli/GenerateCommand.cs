using System.CommandLine;
using System.Diagnostics;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.AppData;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Generator.Sinks.Kinesis;
using Sandbox.Generator;
using Spectre.Console;

namespace Sandbox.Generator.Sinks.Cli;

/// <summary><c>sandbox generate</c>: app-server log files plus the ground-truth manifest.</summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var from = new Option<string>("--from") { Description = "First day (UTC), yyyy-MM-dd", Required = true };
        var to = new Option<string?>("--to") { Description = "Last day, inclusive (default: --from)" };
        var users = new Option<int>("--users") { Description = "User pool size", DefaultValueFactory = _ => 100_000 };
        var eventsPerDay = new Option<long>("--events-per-day") { Description = "Target events per day", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: same seed + config = byte-identical output", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out", "-o") { Description = "Output folder", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Write app-YYYYMMDDHH.log.gz instead of .log" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var servers = new Option<int>("--servers") { Description = "App servers (one folder of hourly logs each)", DefaultValueFactory = _ => 4 };
        var faults = new Option<string>("--faults") { Description = $"none, all, or a list of: {string.Join(", ", FaultPresets.Names)}", DefaultValueFactory = _ => "none" };
        var configFile = new Option<string?>("--config") { Description = "JSON config (behaviour, funnels, releases, fault rates); options given on the command line win" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace output of a different seed/config in --out" };
        var dimensions = new Option<bool>("--dimensions") { Description = "Also write dimensions/users|brands|products.jsonl (the entity pools)" };
        var sinkKind = new Option<string>("--sink") { Description = "files (hourly logs), kinesis (PutRecords to the stream), bulk (warehouse COPY + lake archive); the manifest always goes to --out", DefaultValueFactory = _ => "files" };
        sinkKind.AcceptOnlyFromAmong("files", "kinesis", "bulk");
        var rate = new Option<double?>("--rate") { Description = "kinesis: target events/s over all servers" };
        var speedup = new Option<double?>("--speedup") { Description = "kinesis: replay received_at compressed by this factor (24 = a day in an hour)" };
        var senders = new Option<int>("--senders") { Description = "kinesis: concurrent PutRecords senders", DefaultValueFactory = _ => 4 };
        var stream = new Option<string?>("--stream") { Description = "kinesis: stream name (default: the endpoints contract's)" };
        var appDb = new Option<bool>("--appdb") { Description = "Also fill the app (service) database SANDBOX_APPDB from the same users, products and posts" };
        var bulkTargets = new Option<string>("--bulk-targets") { Description = "bulk: warehouse, lake or both", DefaultValueFactory = _ => "warehouse,lake" };

        var command = new Command("generate", "Generate app-server event logs (JSON lines, hourly per server) and manifest.json")
        {
            from, to, users, eventsPerDay, seed, output, gzip, threads, servers, faults, configFile, overwrite, dimensions,
            sinkKind, rate, speedup, senders, stream, bulkTargets, appDb,
        };
        command.SetAction(parse =>
        {
            bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
            try
            {
                var path = parse.GetValue(configFile);
                var firstDay = ParseDay(parse.GetValue(from)!, "--from");
                var config = path is null ? new GeneratorConfig { From = firstDay, To = firstDay } : ConfigJson.Load(path);
                config = config with
                {
                    From = Given(from) ? firstDay : config.From,
                    To = parse.GetValue(to) is { } last ? ParseDay(last, "--to") : Given(from) && path is null ? firstDay : config.To,
                    Users = path is null || Given(users) ? parse.GetValue(users) : config.Users,
                    EventsPerDay = path is null || Given(eventsPerDay) ? parse.GetValue(eventsPerDay) : config.EventsPerDay,
                    Seed = path is null || Given(seed) ? parse.GetValue(seed) : config.Seed,
                    Servers = path is null || Given(servers) ? parse.GetValue(servers) : config.Servers,
                    Gzip = Given(gzip) ? parse.GetValue(gzip) : config.Gzip,
                    WriteDimensions = Given(dimensions) ? parse.GetValue(dimensions) : config.WriteDimensions,
                    Faults = path is null || Given(faults) ? FaultPresets.Parse(parse.GetValue(faults)) : config.Faults,
                };
                if (parse.GetValue(sinkKind) != "kinesis" && (Given(rate) || Given(speedup)))
                    throw new InvalidGeneratorConfigException(["--rate/--speedup: pacing applies to --sink kinesis only"]);
                var (folder, workers, replace) = (parse.GetValue(output)!, parse.GetValue(threads), parse.GetValue(overwrite));
                if (parse.GetValue(appDb) && AppDbGeneration.Check() is var notReady and not 0) return notReady;
                var exitCode = parse.GetValue(sinkKind) switch
                {
                    "kinesis" => KinesisCommandRun.Run(config, folder, replace, parse.GetValue(stream), parse.GetValue(senders), parse.GetValue(rate), parse.GetValue(speedup)),
                    "bulk" => BulkCommandRun.Run(config, folder, workers, replace, parse.GetValue(bulkTargets)!),
                    _ => Run(config, folder, workers, replace),
                };
                return exitCode == 0 && parse.GetValue(appDb) ? AppDbGeneration.Run(config, folder) : exitCode;
            }
            catch (Exception e) when (e is InvalidGeneratorConfigException or OutputFolderException)
            {
                Console.Error.WriteLine($"generate: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static DateOnly ParseDay(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)
            ? day
            : throw new InvalidGeneratorConfigException([$"{option}: '{text}' is not a date in yyyy-MM-dd form"]);

    private static int Run(GeneratorConfig config, string output, int threads, bool overwrite)
    {
        // Bad config or a guarded folder fail here, before the progress display and before any output.
        FileGeneration.Check(config, output, overwrite, TrackingPlanLoader.LoadEmbedded());
        if (FileGeneration.Reusable(config, output, TrackingPlanLoader.LoadEmbedded()) is { Totals: { } done } existing)
        {
            Console.WriteLine(
                $"generate: {Path.GetFullPath(output)} already holds this output (seed {existing.Seed}, fingerprint {existing.Fingerprint}: " +
                $"{done.Events:N0} events in {done.Files} files); left as is, so a shipper does not see new files");
            return 0;
        }
        var stopwatch = Stopwatch.StartNew();
        var expected = config.EventsPerDay * Math.Max(1, config.DayCount);
        GenerationTruth? manifest = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("generating", maxValue: expected);
                GeneratorRunner? runner = null;
                var work = Task.Run(() => manifest = FileGeneration.Run(config, output, threads, overwrite,
                    TrackingPlanLoader.LoadEmbedded(), r => runner = r).Manifest);
                while (!work.IsCompleted)
                {
                    Thread.Sleep(250);
                    var written = runner?.EventsWritten ?? 0;
                    task.Value = Math.Min(written, expected);
                    task.Description = $"{written:N0} events, {written / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds):N0}/s";
                }
                work.GetAwaiter().GetResult();
                task.Value = expected;
            });
        var totals = manifest!.Totals!;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"generated {totals.Events:N0} events ({totals.Lines:N0} lines, {totals.Files} files, {totals.Bytes / 1048576.0:N1} MiB, {(double)totals.Bytes / Math.Max(1, totals.Lines):N0} B/line) " +
            $"for {config.From:yyyy-MM-dd}..{config.To:yyyy-MM-dd} in {seconds:N1} s ({totals.Events / seconds:N0} events/s) -> {Path.GetFullPath(output)}");
        return 0;
    }
}
