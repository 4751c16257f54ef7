using System.Diagnostics;
using System.Globalization;
using Sandbox.Kinesis.Bench;

// sandbox-kinesis against kinesis-local at equal sizes (interleaved rounds, same warm-up), then our
// engine's own growth curve (see docs/BENCHMARKS.md, "Kinesis engine").
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
Console.WriteLine($"# Kinesis engine bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {Scenario.Load()}");
Console.WriteLine($"workload: PutRecords, {options.RecordBytes}-byte records, batches of {options.BatchSize}, {options.Producers} producers, {options.Shards} shards, limits off");

var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "sandbox-kinesis-bench-" + Environment.ProcessId);
Directory.CreateDirectory(data);
try
{
    await using var engine = await EngineProcess.StartSandboxAsync(options.EngineDll, data);
    if (options.CompareRecords > 0)
    {
        var local = await EngineProcess.StartKinesisLocalAsync(options.ResolveNativeFolder());
        try
        {
            await Scenario.SideBySideAsync(engine, local, options);
        }
        finally
        {
            await local.DisposeAsync(); // not running during the growth curve
        }
    }
    if (options.Records > 0) await Scenario.GrowthAsync(engine, "bench-growth", options);
}
finally
{
    if (options.DataDirectory is null) Directory.Delete(data, recursive: true);
}
return 0;

/// <summary>The measured runs, printed as they finish.</summary>
internal static class Scenario
{
    public static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// Both engines get the same warm-up, then put and read back the same number of records on a fresh
    /// stream each round, alternating which engine goes first. Figures are medians of per-round ratios.
    /// </summary>
    public static async Task SideBySideAsync(EngineProcess ours, EngineProcess baseline, BenchOptions options)
    {
        using var oursHttp = new KinesisHttp(ours.Url);
        using var baselineHttp = new KinesisHttp(baseline.Url);
        await WarmUpAsync(oursHttp, options);
        await WarmUpAsync(baselineHttp, options);
        var (putRatios, readRatios) = (new List<double>(), new List<double>());
        var (oursPut, baselinePut, oursRead, baselineRead) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            var stream = $"bench-compare-{round}";
            (double Put, double Read) a, b;
            if (round % 2 == 1)
            {
                a = await PutAndReadAsync(ours, oursHttp, stream, options, round);
                b = await PutAndReadAsync(baseline, baselineHttp, stream, options, round);
            }
            else
            {
                b = await PutAndReadAsync(baseline, baselineHttp, stream, options, round);
                a = await PutAndReadAsync(ours, oursHttp, stream, options, round);
            }
            oursPut.Add(a.Put); baselinePut.Add(b.Put); oursRead.Add(a.Read); baselineRead.Add(b.Read);
            putRatios.Add(a.Put / b.Put);
            readRatios.Add(a.Read / b.Read);
            Console.WriteLine($"round {round}: {ours.Name} / {baseline.Name}: put {putRatios[^1]:N0}x, read {readRatios[^1]:N0}x");
        }
        Console.WriteLine($"side by side, {options.CompareRecords:N0} records, {options.Rounds} rounds, medians: " +
                          $"put {Median(oursPut):N0} vs {Median(baselinePut):N0} records/s = {Median(putRatios):N0}x (rounds {string.Join(" / ", putRatios.Select(r => r.ToString("N0")))}); " +
                          $"read {Median(oursRead):N0} vs {Median(baselineRead):N0} records/s = {Median(readRatios):N0}x (rounds {string.Join(" / ", readRatios.Select(r => r.ToString("N0")))})");
    }

    private static async Task<(double Put, double Read)> PutAndReadAsync(EngineProcess engine, KinesisHttp http, string stream, BenchOptions options, int round)
    {
        await CreateStreamAsync(http, stream, options.Shards);
        var put = await PutWorkload.RunAsync(http, stream, options.CompareRecords, options.Producers, options.BatchSize, options.RecordBytes, 1);
        var read = await ReadWorkload.RunAsync(http, stream);
        if (read.Records != put.Records) throw new InvalidOperationException($"{engine.Name}: read back {read.Records:N0} records, expected {put.Records:N0}");
        (await http.CallAsync("DeleteStream", new { StreamName = stream })).Dispose();
        Console.WriteLine($"round {round} {engine.Name}: put {put.Records:N0} in {put.Elapsed.TotalSeconds:N2} s = {put.RecordsPerSecond:N0} records/s, " +
                          $"read back in {read.Elapsed.TotalSeconds:N2} s = {read.RecordsPerSecond:N0} records/s, load {Load()}");
        return (put.RecordsPerSecond, read.RecordsPerSecond);
    }

    /// <summary>Our engine alone: how the put rate holds as one stream grows, then the read-back of all of it.</summary>
    public static async Task GrowthAsync(EngineProcess engine, string stream, BenchOptions options)
    {
        using var http = new KinesisHttp(engine.Url);
        if (options.CompareRecords == 0) await WarmUpAsync(http, options);
        await CreateStreamAsync(http, stream, options.Shards);
        var put = await PutWorkload.RunAsync(http, stream, options.Records, options.Producers, options.BatchSize, options.RecordBytes, options.Windows);
        var (rss, peak) = engine.Memory();
        Console.WriteLine($"growth, {engine.Name}: put {put.Records:N0} records in {put.Elapsed.TotalSeconds:N1} s = {put.RecordsPerSecond:N0} records/s, load {Load()}");
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
        Console.WriteLine($"growth, {engine.Name}: GetRecords read back {read.Records:N0} records in {read.Elapsed.TotalSeconds:N1} s = {read.RecordsPerSecond:N0} records/s ({read.Calls} calls), load {Load()}");
        Console.WriteLine($"engine memory after read: RSS {rss / 1048576.0:N0} MB, peak {peak / 1048576.0:N0} MB");
    }

    /// <summary>Same unmeasured start for every engine (JIT of put and read, connections) on a stream of its own, deleted after.</summary>
    private static async Task WarmUpAsync(KinesisHttp http, BenchOptions options)
    {
        await CreateStreamAsync(http, "bench-warmup", options.Shards);
        await PutWorkload.RunAsync(http, "bench-warmup", options.WarmUpRecords, options.Producers, options.BatchSize, options.RecordBytes, 1);
        await ReadWorkload.RunAsync(http, "bench-warmup");
        (await http.CallAsync("DeleteStream", new { StreamName = "bench-warmup" })).Dispose();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

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
