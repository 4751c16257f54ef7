using System.Diagnostics;
using System.Globalization;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Kinesis;
using Sandbox.Shipper;
using Sandbox.Shipper.Bench;
using Sandbox.Testing;

// Shipper (tail files -> chunks spilled to disk -> PutRecords) against the raw client putting the
// same records from memory, side by side on one private engine with limits off (docs/BENCHMARKS.md, "Shipper").
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sandbox-shipper-bench: {e.Message}\n{BenchOptions.Usage}");
    return 2;
}
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var work = Directory.CreateTempSubdirectory("sandbox-shipper-bench-").FullName;
try
{
    var logs = Path.Combine(work, "logs");
    var day = new DateOnly(2026, 11, 30);
    var (manifest, _) = FileGeneration.Run(new GeneratorConfig { From = day, To = day, EventsPerDay = options.Events, Users = 50_000 },
        logs, Environment.ProcessorCount, overwrite: false, TrackingPlanLoader.LoadEmbedded());
    var totals = manifest.Totals!;
    var lines = Directory.EnumerateFiles(logs, "app-*.log", SearchOption.AllDirectories)
        .SelectMany(File.ReadLines).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
    if (lines.Count != totals.Lines) throw new InvalidOperationException($"read {lines.Count} lines, the manifest says {totals.Lines}");
    var records = BaselinePut.Records(lines);
    lines = null;

    Console.WriteLine($"# Shipper bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
    Console.WriteLine($"workload: {totals.Lines:N0} generated lines in {totals.Files} hour files ({totals.Bytes / 1048576.0:N0} MiB, "
        + $"{totals.Bytes / totals.Lines} B/line), {options.Shards} shards, limits off, {options.FlushThreads} concurrent senders, chunks of {options.ChunkLimitKb} KiB");

    await using var engine = await KinesisEngine.StartAsync(limits: false);
    using var client = engine.CreateClient();
    await BaselinePut.RunAsync(client, await CreateStreamAsync(client, "warmup", options.Shards), records.Take(20_000).ToList(), options.FlushThreads);

    var ratios = new List<double>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var baselineStream = await CreateStreamAsync(client, $"baseline-{round}", options.Shards);
        var baselineCpu = ProcessCpu();
        var baseline = await BaselinePut.RunAsync(client, baselineStream, records, options.FlushThreads);
        baselineCpu = ProcessCpu() - baselineCpu;
        var baselineRate = records.Count / baseline.TotalSeconds;
        Console.WriteLine($"round {round}: raw client PutRecords: {records.Count:N0} records in {baseline.TotalSeconds:N2} s = {baselineRate:N0} records/s, "
            + $"bench process CPU {baselineCpu.TotalSeconds:N2} s");

        var stream = await CreateStreamAsync(client, $"shipper-{round}", options.Shards);
        var worker = new ShipperWorker(new ShipperOptions
        {
            SourceDirectory = logs,
            StateDirectory = Path.Combine(work, $"state-{round}"),
            StreamName = stream,
            Once = true,
            FlushThreads = options.FlushThreads,
            ChunkLimitBytes = options.ChunkLimitKb * 1024,
        }, client);
        var shipperCpu = ProcessCpu();
        var clock = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!;
        var shipped = clock.Elapsed;
        shipperCpu = ProcessCpu() - shipperCpu;
        if (worker.Counters.Out != totals.Lines) throw new InvalidOperationException($"shipper stored {worker.Counters.Out} records, expected {totals.Lines}: {worker.Counters}");
        var shipperRate = totals.Lines / shipped.TotalSeconds;
        ratios.Add(shipperRate / baselineRate);
        Console.WriteLine($"round {round}: shipper --once:        {totals.Lines:N0} lines   in {shipped.TotalSeconds:N2} s = {shipperRate:N0} lines/s "
            + $"= {shipperRate / baselineRate:N2}x the raw client, bench process CPU {shipperCpu.TotalSeconds:N2} s "
            + $"({shipperCpu / baselineCpu:N2}x; {worker.Stats.ChunksSpilled} chunks, retried {worker.Counters.Retried})");
    }
    Console.WriteLine($"shipper / raw client: {string.Join(", ", ratios.Select(r => r.ToString("N2")))} (median {ratios.Order().ElementAt(ratios.Count / 2):N2})");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

static async Task<string> CreateStreamAsync(KinesisClient client, string name, int shards)
{
    await client.CreateStreamAsync(new() { StreamName = name, ShardCount = shards });
    await client.WaitForStreamActiveAsync(name);
    return name;
}
