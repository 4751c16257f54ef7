using System.Numerics;
using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

public abstract partial class KinesisConformance
{
    [SkippableFact]
    public async Task A_stream_is_created_described_listed_and_deleted()
    {
        var name = await CreateActiveStreamAsync("life", shards: 3);

        var description = (await Client.DescribeStreamAsync(new() { StreamName = name })).StreamDescription;
        Assert.Equal(name, description.StreamName);
        Assert.Equal(StreamStatus.ACTIVE, description.StreamStatus);
        Assert.Matches($@"^arn:aws:kinesis:{KinesisTarget.Region}:\d{{12}}:stream/{name}$", description.StreamARN);
        Assert.Equal(24, description.RetentionPeriodHours);
        Assert.False(description.HasMoreShards);
        Assert.Equal(["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"], description.Shards.Select(s => s.ShardId));
        Assert.All(description.Shards, s => Assert.Null(s.SequenceNumberRange.EndingSequenceNumber));

        var summary = (await Client.DescribeStreamSummaryAsync(new() { StreamName = name })).StreamDescriptionSummary;
        Assert.Equal(3, summary.OpenShardCount);
        Assert.Equal(description.StreamARN, summary.StreamARN);

        Assert.Equal(description.Shards.Select(s => s.ShardId), (await ShardsAsync(name)).Select(s => s.ShardId));
        Assert.Contains(name, (await Client.ListStreamsAsync(new())).StreamNames);

        await Client.DeleteStreamAsync(new() { StreamName = name });
        await Client.WaitForStreamDeletedAsync(name, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(name, (await Client.ListStreamsAsync(new())).StreamNames);
    }

    [SkippableFact]
    public async Task Shards_split_the_hash_key_space_evenly_without_gaps()
    {
        var name = await CreateActiveStreamAsync("ranges", shards: 4);

        var shards = await ShardsAsync(name);

        Assert.Equal("0", shards[0].HashKeyRange.StartingHashKey);
        Assert.Equal(HashKeys.Max.ToString(), shards[^1].HashKeyRange.EndingHashKey);
        for (var i = 1; i < shards.Count; i++)
        {
            var start = BigInteger.Parse(shards[i].HashKeyRange.StartingHashKey);
            Assert.Equal(BigInteger.Parse(shards[i - 1].HashKeyRange.EndingHashKey) + 1, start);
            Assert.Equal(EvenShardStart(i, shards.Count), start);
        }
    }

    [SkippableFact]
    public async Task Creating_an_existing_stream_is_resource_in_use()
    {
        var name = await CreateActiveStreamAsync("dup");

        var error = await Assert.ThrowsAsync<ResourceInUseException>(
            () => Client.CreateStreamAsync(new() { StreamName = name, ShardCount = 1 }));

        Assert.Equal(400, (int)error.StatusCode);
    }

    [SkippableFact]
    public async Task Retention_is_raised_and_lowered_within_the_allowed_range()
    {
        var name = await CreateActiveStreamAsync("retain");

        await Client.IncreaseStreamRetentionPeriodAsync(new() { StreamName = name, RetentionPeriodHours = 48 });
        Assert.Equal(48, (await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30))).RetentionPeriodHours);

        await Assert.ThrowsAsync<InvalidArgumentException>(
            () => Client.IncreaseStreamRetentionPeriodAsync(new() { StreamName = name, RetentionPeriodHours = 30 }));

        await Client.DecreaseStreamRetentionPeriodAsync(new() { StreamName = name, RetentionPeriodHours = 24 });
        Assert.Equal(24, (await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30))).RetentionPeriodHours);

        await Assert.ThrowsAsync<InvalidArgumentException>(
            () => Client.DecreaseStreamRetentionPeriodAsync(new() { StreamName = name, RetentionPeriodHours = 12 }));
    }

    [SkippableFact]
    public async Task Shard_and_stream_listings_page()
    {
        var name = await CreateActiveStreamAsync("paging", shards: 3);
        await CreateActiveStreamAsync("paging-other");

        var first = await Client.ListShardsAsync(new() { StreamName = name, MaxResults = 1 });
        Assert.Single(first.Shards);
        Assert.NotNull(first.NextToken);
        await Assert.ThrowsAsync<InvalidArgumentException>(
            () => Client.ListShardsAsync(new() { StreamName = name, NextToken = first.NextToken }));
        Assert.Equal(["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"],
            (await Client.ListAllShardsAsync(name).ToListAsync()).Select(s => s.ShardId));

        var onePage = await Client.ListStreamsAsync(new() { Limit = 1 });
        Assert.Single(onePage.StreamNames);
        Assert.True(onePage.HasMoreStreams);
        Assert.Contains(name, await Client.ListAllStreamNamesAsync().ToListAsync());
    }
}
