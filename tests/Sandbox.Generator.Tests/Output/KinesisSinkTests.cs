using System.Diagnostics;
using System.Text;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Sinks.Kinesis;
using Sandbox.Kinesis.Resilience;
using Sandbox.Shipper.Records;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests.Output;

public sealed class KinesisSinkTests(KinesisEngineFixture kinesis) : IClassFixture<KinesisEngineFixture>
{
    private static readonly TrackingPlan Plan = TrackingPlanLoader.LoadEmbedded();

    private static GeneratorConfig OneDay(string faults = "none") => new()
    {
        From = new DateOnly(2026, 11, 2),
        To = new DateOnly(2026, 11, 2),
        Users = 600,
        EventsPerDay = 4_000,
        Seed = 11,
        Servers = 3,
        Faults = FaultPresets.Parse(faults),
    };

    [Fact]
    public async Task Every_line_reaches_the_stream_once_in_received_at_order_per_partition_key()
    {
        using var folder = new TempFolder();
        var config = OneDay("malformed,duplicates");
        var stream = await kinesis.Client.CreateTestStreamAsync("gen-sink-", shards: 3);

        var (manifest, summary) = await KinesisGeneration.RunAsync(config, folder.Sub("kinesis"), false, Plan, kinesis.Client,
            new KinesisSinkOptions { StreamName = stream, Senders = 3 });
        FileGeneration.Run(config, folder.Sub("files"), threads: 2, overwrite: false, Plan);

        var expected = KeyedSequences(ServerLogLines(folder.Sub("files")));
        var records = await ShardRecords.ReadEveryShardAsync(kinesis.Client, stream);
        var actual = KeyedSequences(records.Select(r => (r.PartitionKey, r.Data.ToArray())));

        Assert.True(manifest.Faults!.MalformedLines > 0 && manifest.Faults.DuplicateLines > 0, "the faults must be in the data under test");
        Assert.Equal(manifest.Totals!.Lines, summary.Sent);
        Assert.Equal(manifest.Totals.Lines, records.Count);
        Assert.Equal((0L, 0L, 0L), (summary.Failed, summary.Unsent, summary.Retried));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, lines) in expected) Assert.Equal(lines, actual[key]);
    }

    [Fact]
    public async Task A_target_rate_holds_the_send_back()
    {
        using var folder = new TempFolder();
        var stream = await kinesis.Client.CreateTestStreamAsync("gen-sink-", shards: 1);
        var config = OneDay() with { EventsPerDay = 1_500, Users = 300 };
        var clock = Stopwatch.StartNew();
        var (manifest, summary) = await KinesisGeneration.RunAsync(config, folder.Path, false, Plan, kinesis.Client,
            new KinesisSinkOptions { StreamName = stream, Rate = 1_500 });
        clock.Stop();

        // The n-th event leaves at n / rate: about lines / 1500 s. Loose bounds: pacing on, not wildly slow.
        var paced = TimeSpan.FromSeconds(manifest.Totals!.Lines / 1_500.0);
        Assert.Equal(manifest.Totals.Lines, summary.Sent);
        Assert.InRange(clock.Elapsed, paced * 0.8, paced * 10 + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_stream_that_is_gone_stops_the_run_with_counts_nothing_silently_dropped()
    {
        await using var engine = await KinesisEngine.StartAsync(limits: false);
        using var client = engine.CreateClient();
        var stream = await client.CreateTestStreamAsync("gen-gone-", shards: 1);
        using var folder = new TempFolder();
        var options = new KinesisSinkOptions
        {
            StreamName = stream,
            Retry = new PutRecordsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(10) },
        };

        var error = await Assert.ThrowsAsync<KinesisSendException>(() =>
            KinesisGeneration.RunAsync(OneDay(), folder.Path, false, Plan, client, options, (_, _) => engine.Kill()));

        var s = error.Summary;
        Assert.True(s.Failed > 0, error.Message);
        Assert.Equal(0, s.Sent);
        Assert.Equal(s.Merged, s.Sent + s.Failed + s.Unsent);
        Assert.Contains("failed", error.Message);
    }

    [Fact]
    public async Task A_missing_stream_is_refused_before_anything_is_generated()
    {
        using var folder = new TempFolder();
        var error = await Assert.ThrowsAsync<InvalidGeneratorConfigException>(() => KinesisGeneration.RunAsync(
            OneDay(), folder.Sub("out"), false, Plan, kinesis.Client, new KinesisSinkOptions { StreamName = "no-such-stream" }));
        Assert.Contains("no-such-stream", error.Message);
        Assert.False(Directory.Exists(folder.Sub("out")));
    }

    [Fact]
    public void Rate_and_speedup_together_are_refused()
    {
        var problems = new KinesisSinkOptions { StreamName = "s", Rate = 10, Speedup = 24, Senders = 0 }.Problems();
        Assert.Contains(problems, p => p.Contains("--rate and --speedup"));
        Assert.Contains(problems, p => p.Contains("senders"));
    }

    /// <summary>Each server's lines in file order: one user's lines all come from one server, so this is their received_at order.</summary>
    private static IEnumerable<(string Key, byte[] Data)> ServerLogLines(string root) =>
        Directory.EnumerateDirectories(root, "app-*").Order(StringComparer.Ordinal)
            .SelectMany(server => OutputFiles.Lines(server))
            .Select(line => Encoding.UTF8.GetBytes(line))
            .Select(data => (PartitionKey.For(data).Key, data));

    private static Dictionary<string, List<string>> KeyedSequences(IEnumerable<(string Key, byte[] Data)> records)
    {
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, data) in records)
        {
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(Convert.ToBase64String(data));
        }
        return byKey;
    }
}
