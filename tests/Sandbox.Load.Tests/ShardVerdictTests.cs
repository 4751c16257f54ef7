using Sandbox.Load.Monitoring;
using Sandbox.Load.Reporting;

namespace Sandbox.Load.Tests;

public class ShardVerdictTests
{
    private static LoadPoint Point(int minute, long backlog, long ageMs, long? throttled = 0) => new()
    {
        AtSeconds = minute * 60, IntervalSeconds = 60, InputPerSecond = 1000, PutRecordsPerSecond = 1000, Throttled = throttled,
        ShipperBacklog = backlog, ShipperBuffered = 0, WarehouseRows = 0, ArchiveRecords = 0,
        IteratorAgeMs = new() { ["to-warehouse"] = new() { ["shard-0"] = ageMs } }, Latency = [], Processes = [],
    };

    private static LoadRunResult Run(int shards, params LoadPoint[] points) =>
        new($"r{shards}", shards, "the whole day (24 hours, 1,000 events)", points, [], null, false, null, TimeSpan.FromMinutes(points.Length), 0, 0, new Dictionary<string, LatencyFigures>(), new Dictionary<string, int>());

    [Fact]
    public void Growing_backlog_and_lag_mean_the_count_did_not_hold_and_the_verdict_names_the_evidence()
    {
        var tooFew = ShardVerdict.Evaluate(Run(2, Point(1, 100, 1_000), Point(2, 5_000, 30_000), Point(3, 20_000, 70_000), Point(4, 60_000, 150_000, 800)));
        Assert.False(tooFew.Held);
        Assert.Contains(tooFew.Evidence, e => e.Contains("backlog grew"));
        Assert.Contains(tooFew.Evidence, e => e.Contains("to-warehouse's iterator age grew"));

        var enough = ShardVerdict.Evaluate(Run(3, Point(1, 100, 1_000), Point(2, 200, 2_000), Point(3, 150, 1_500, 20), Point(4, 0, 0)));
        Assert.True(enough.Held, string.Join("; ", enough.Evidence));

        var (shards, text) = ShardVerdict.Decide([tooFew, enough]);
        Assert.Equal(3, shards);
        Assert.Contains("3 shards held the peak, 2 did not", text);
    }

    [Fact]
    public void Sustained_throttling_alone_fails_a_count()
    {
        var throttled = ShardVerdict.Evaluate(Run(1, Point(1, 0, 0, 10), Point(2, 0, 0, 10), Point(3, 0, 0, 10)));
        Assert.False(throttled.Held);
        Assert.Contains("throttled records in 3 consecutive points", throttled.Evidence[0]);
        Assert.Null(ShardVerdict.Decide([throttled]).Shards);
    }
}
