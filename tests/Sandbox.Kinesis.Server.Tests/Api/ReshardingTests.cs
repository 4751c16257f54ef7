using System.Text.Json.Nodes;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class ReshardingTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await InProcessEngine.StartAsync();
        await _engine.CreateStreamAsync("s", 2);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Scaling_up_closes_parents_with_an_ending_sequence_number_and_links_children()
    {
        var before = await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = "AA==", ExplicitHashKey = "0" });

        var update = await _engine.Wire.OkAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 4, ScalingType = "UNIFORM_SCALING" });

        Assert.Equal((2, 4), ((int)update["CurrentShardCount"]!, (int)update["TargetShardCount"]!));
        var shards = (await _engine.Wire.OkAsync("ListShards", new { StreamName = "s" }))["Shards"]!.AsArray();
        Assert.Equal(6, shards.Count);
        Assert.Equal((string)before["SequenceNumber"]!, (string)shards[0]!["SequenceNumberRange"]!["EndingSequenceNumber"]!);
        Assert.Equal("shardId-000000000000", (string)shards[2]!["ParentShardId"]!);
        Assert.Equal("shardId-000000000001", (string)shards[5]!["ParentShardId"]!);
        Assert.Null(shards[2]!["SequenceNumberRange"]!["EndingSequenceNumber"]);
        var open = await _engine.Wire.OkAsync("ListShards", new { StreamName = "s", ShardFilter = new { Type = "AT_LATEST" } });
        Assert.Equal(4, open["Shards"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_closed_shard_reads_to_its_end_then_gives_no_NextShardIterator_but_its_children()
    {
        await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = "AA==", ExplicitHashKey = "0" });
        var iterator = await _engine.IteratorAsync("s", "shardId-000000000000");
        await _engine.Wire.OkAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 1, ScalingType = "UNIFORM_SCALING" });

        var last = await _engine.GetRecordsAsync(iterator);

        Assert.Single(last["Records"]!.AsArray());
        Assert.Null(last["NextShardIterator"]);
        var child = last["ChildShards"]!.AsArray().Single()!;
        Assert.Equal("shardId-000000000002", (string)child["ShardId"]!);
        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], child["ParentShards"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task Writes_after_resharding_go_to_the_children()
    {
        await _engine.Wire.OkAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 3, ScalingType = "UNIFORM_SCALING" });

        var put = await _engine.Wire.OkAsync("PutRecords", new { StreamName = "s", Records = Enumerable.Range(0, 30).Select(i => new { PartitionKey = $"k{i}", Data = "AA==" }) });

        Assert.All(put["Records"]!.AsArray(), r => Assert.Contains((string)r!["ShardId"]!, new[] { "shardId-000000000002", "shardId-000000000003", "shardId-000000000004" }));
    }

    [Theory]
    [InlineData(5, "UNIFORM_SCALING", "InvalidArgumentException")]
    [InlineData(0, "UNIFORM_SCALING", "ValidationException")]
    [InlineData(3, "SPLIT_EVERYTHING", "ValidationException")]
    public async Task UpdateShardCount_rejects_what_AWS_rejects(int target, string scaling, string errorType) =>
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = target, ScalingType = scaling })).Type);

    [Fact]
    public async Task The_current_shard_count_is_accepted_and_changes_nothing()
    {
        var update = await _engine.Wire.OkAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 2, ScalingType = "UNIFORM_SCALING" });

        Assert.Equal(2, (int)update["TargetShardCount"]!);
        Assert.Equal(2, (await _engine.Wire.OkAsync("ListShards", new { StreamName = "s" }))["Shards"]!.AsArray().Count);
    }

    [Fact]
    public async Task Scaling_down_below_half_is_refused()
    {
        await _engine.Wire.OkAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 4, ScalingType = "UNIFORM_SCALING" });

        Assert.Equal("InvalidArgumentException", (await _engine.Wire.ErrorAsync("UpdateShardCount", new { StreamName = "s", TargetShardCount = 1, ScalingType = "UNIFORM_SCALING" })).Type);
    }
}
