using System.Text.Json.Nodes;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class LimitsTests
{
    private static object Batch(string stream, int count) =>
        new { StreamName = stream, Records = Enumerable.Range(0, count).Select(i => new { PartitionKey = $"k{i}", Data = "AAAA" }) };

    [Fact]
    public async Task Over_1000_records_per_second_a_shard_refuses_records_one_by_one()
    {
        await using var engine = await InProcessEngine.StartAsync(limits: true);
        await engine.CreateStreamAsync("s");

        var first = await engine.Wire.OkAsync("PutRecords", Batch("s", 500));
        var second = await engine.Wire.OkAsync("PutRecords", Batch("s", 500));
        var third = await engine.Wire.OkAsync("PutRecords", Batch("s", 500));

        Assert.Equal(0, (int)first["FailedRecordCount"]!);
        Assert.Equal(0, (int)second["FailedRecordCount"]!);
        Assert.Equal(500, (int)third["FailedRecordCount"]!);
        var refused = third["Records"]![0]!;
        Assert.Equal("ProvisionedThroughputExceededException", (string)refused["ErrorCode"]!);
        Assert.Contains("Rate exceeded for shard shardId-000000000000 in stream s", (string)refused["ErrorMessage"]!);
        Assert.Null(refused["SequenceNumber"]);
        Assert.Equal("ProvisionedThroughputExceededException", (await engine.Wire.ErrorAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = "AA==" })).Type);

        engine.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, (int)(await engine.Wire.OkAsync("PutRecords", Batch("s", 500)))["FailedRecordCount"]!);
    }

    [Fact]
    public async Task A_sixth_GetRecords_within_a_second_is_throttled()
    {
        await using var engine = await InProcessEngine.StartAsync(limits: true);
        await engine.CreateStreamAsync("s");
        var iterator = await engine.IteratorAsync("s", "shardId-000000000000");

        for (var i = 0; i < 5; i++) iterator = (string)(await engine.GetRecordsAsync(iterator))["NextShardIterator"]!;

        Assert.Equal("ProvisionedThroughputExceededException", (await engine.Wire.ErrorAsync("GetRecords", new { ShardIterator = iterator })).Type);
    }

    [Fact]
    public async Task The_stream_tag_turns_limits_off_for_one_stream_while_the_engine_enforces_them()
    {
        await using var engine = await InProcessEngine.StartAsync(limits: true);
        await engine.CreateStreamAsync("free", tags: new Dictionary<string, string> { ["sandbox:limits"] = "off" });

        for (var i = 0; i < 4; i++)
            Assert.Equal(0, (int)(await engine.Wire.OkAsync("PutRecords", Batch("free", 500)))["FailedRecordCount"]!);
    }

    [Fact]
    public async Task The_stream_tag_turns_limits_on_later_while_the_engine_runs_without_them()
    {
        await using var engine = await InProcessEngine.StartAsync(limits: false);
        await engine.CreateStreamAsync("s");
        Assert.Equal(0, (int)(await engine.Wire.OkAsync("PutRecords", Batch("s", 500)))["FailedRecordCount"]!);

        await engine.Wire.OkAsync("AddTagsToStream", new { StreamName = "s", Tags = new Dictionary<string, string> { ["sandbox:limits"] = "on" } });
        var results = new List<JsonObject>();
        for (var i = 0; i < 3; i++) results.Add(await engine.Wire.OkAsync("PutRecords", Batch("s", 500)));

        Assert.Equal(500, results.Sum(r => (int)r["FailedRecordCount"]!));
        var tags = await engine.Wire.OkAsync("ListTagsForStream", new { StreamName = "s" });
        Assert.Equal("on", (string)tags["Tags"]![0]!["Value"]!);
    }
}
