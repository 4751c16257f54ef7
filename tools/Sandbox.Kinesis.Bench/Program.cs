using System.Diagnostics;
using System.Globalization;
using Sandbox.Kinesis.Bench;

// Side-by-side throughput of sandbox-kinesis and kinesis-local (see docs/BENCHMARKS.md, "Kinesis engine").
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sandbox-kinesis-bench: {e.Message}\n{BenchOptions.Usage}");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"# Kinesis engine bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
Console.WriteLine($"workload: PutRecords, {options.RecordBytes}-byte records, batches of {options.BatchSize}, {options.Producers} producers, {options.Shards} shards, limits off");

double? baselineRate = null;
if (options.BaselineRecords > 0)
{
    await using var local = await EngineProcess.StartKinesisLocalAsync(options.ResolveNativeFolder());
    baselineRate = await Scenario.PutOnlyAsync(local, "bench-baseline", options, options.BaselineRecords);
}

var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "sandbox-kinesis-bench-" + Environment.ProcessId);
Directory.CreateDirectory(data);
try
{
    await using var engine = await EngineProcess.StartSandboxAsync(options.EngineDll, data);
    if (options.BaselineRecords > 0)
    {
        var sameWorkload = await Scenario.PutOnlyAsync(engine, "bench-baseline", options, options.BaselineRecords);
        Console.WriteLine($"side by side, {options.BaselineRecords:N0} records: sandbox-kinesis / kinesis-local = {sameWorkload / baselineRate:N0}x");
    }
    await Scenario.FullAsync(engine, "bench", options, baselineRate);
}
finally
{
    if (options.DataDirectory is null) Directory.Delete(data, recursive: true);
}
return 0;

/// <summary>The measured runs, printed as they finish.</summary>
internal static class Scenario
{
    // Our engine warms up its JIT on 50k records; kinesis-local gets one batch (it slows as a stream fills,
    // and its warm-up stream is deleted before the measured one is created either way).
    private static long WarmUpRecords(EngineProcess engine, BenchOptions options) =>
        engine.Name.StartsWith("sandbox", StringComparison.Ordinal) ? options.WarmUpRecords : options.BatchSize;

    public static async Task<double> PutOnlyAsync(EngineProcess engine, string stream, BenchOptions options, long records)
    {
        using var http = new KinesisHttp(engine.Url);
        await WarmUpAsync(http, options, WarmUpRecords(engine, options));
        await CreateStreamAsync(http, stream, options.Shards);
        var put = await PutWorkload.RunAsync(http, stream, records, options.Producers, options.BatchSize, options.RecordBytes, 1);
        Console.WriteLine($"{engine.Name}: put {put.Records:N0} records in {put.Elapsed.TotalSeconds:N1} s = {put.RecordsPerSecond:N0} records/s");
        return put.RecordsPerSecond;
    }

    public static async Task FullAsync(EngineProcess engine, string stream, BenchOptions options, double? baselineRate)
    {
        using var http = new KinesisHttp(engine.Url);
        if (options.BaselineRecords == 0) await WarmUpAsync(http, options, WarmUpRecords(engine, options));
        await CreateStreamAsync(http, stream, options.Shards);
        var put = await PutWorkload.RunAsync(http, stream, options.Records, options.Producers, options.BatchSize, options.RecordBytes, options.Windows);
        var (rss, peak) = engine.Memory();
        Console.WriteLine($"{engine.Name}: put {put.Records:N0} records in {put.Elapsed.TotalSeconds:N1} s = {put.RecordsPerSecond:N0} records/s"
            + (baselineRate is { } b ? $" ({put.RecordsPerSecond / b:N0}x kinesis-local)" : ""));
        foreach (var w in put.Windows)
            Console.WriteLine($"  stored {w.StoredBefore,12:N0} .. {w.StoredBefore + w.Records,12:N0}: {w.RecordsPerSecond,10:N0} records/s");
        var first = put.Windows[0].RecordsPerSecond;
        var last = put.Windows[^1].RecordsPerSecond;
        var slowest = put.Windows.Min(w => w.RecordsPerSecond);
        Console.WriteLine($"flatness: last window / first window = {last / first:P0} (slowest window {slowest / first:P0} of the first)");
        Console.WriteLine($"engine memory after put: RSS {rss / 1048576.0:N0} MB, peak {peak / 1048576.0:N0} MB");
        if (!options.Read) return;
        var read = await ReadWorkload.RunAsync(http, stream);
        if (read.Records != put.Records) throw new InvalidOperationException($"read back {read.Records:N0} records, expected {put.Records:N0}");
        (rss, peak) = engine.Memory();
        Console.WriteLine($"{engine.Name}: GetRecords read back {read.Records:N0} records in {read.Elapsed.TotalSeconds:N1} s = {read.RecordsPerSecond:N0} records/s ({read.Calls} calls)");
        Console.WriteLine($"engine memory after read: RSS {rss / 1048576.0:N0} MB, peak {peak / 1048576.0:N0} MB");
    }

    /// <summary>Same unmeasured start for every engine (JIT, connections) on a stream of its own.</summary>
    public static async Task WarmUpAsync(KinesisHttp http, BenchOptions options, long records)
    {
        await CreateStreamAsync(http, "bench-warmup", options.Shards);
        await PutWorkload.RunAsync(http, "bench-warmup", records, options.Producers, options.BatchSize, options.RecordBytes, 1);
        (await http.CallAsync("DeleteStream", new { StreamName = "bench-warmup" })).Dispose();
    }

    private static async Task CreateStreamAsync(KinesisHttp http, string stream, int shards)
    {
        (await http.CallAsync("CreateStream", new { StreamName = stream, ShardCount = shards })).Dispose();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var summary = await http.CallAsync("DescribeStreamSummary", new { StreamName = stream });
            if (summary.RootElement.GetProperty("StreamDescriptionSummary").GetProperty("StreamStatus").GetString() == "ACTIVE") return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"stream {stream} did not become ACTIVE");
    }
}
