using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

public abstract partial class KinesisConformance
{
    [SkippableFact]
    public async Task UpdateShardCount_closes_the_parent_and_opens_children_covering_its_range()
    {
        var name = await CreateActiveStreamAsync("reshard");
        await Client.PutRecordsAsync(new() { StreamName = name, Records = [Entry("p", "old-1"), Entry("q", "old-2")] });

        var update = await Client.UpdateShardCountAsync(new() { StreamName = name, TargetShardCount = 2 });
        Assert.Equal((1, 2), (update.CurrentShardCount, update.TargetShardCount));
        Assert.Equal(2, (await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30))).OpenShardCount);

        var shards = await ShardsAsync(name);
        Assert.Equal(3, shards.Count);
        var parent = shards.Single(s => s.ShardId == Shard0);
        Assert.NotNull(parent.SequenceNumberRange.EndingSequenceNumber);
        var children = shards.Where(s => s.ParentShardId == Shard0).OrderBy(s => System.Numerics.BigInteger.Parse(s.HashKeyRange.StartingHashKey)).ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Null(c.SequenceNumberRange.EndingSequenceNumber));
        Assert.Equal("0", children[0].HashKeyRange.StartingHashKey);
        var middle = EvenShardStart(1, 2);
        Assert.Equal((middle - 1).ToString(), children[0].HashKeyRange.EndingHashKey);
        Assert.Equal(middle.ToString(), children[1].HashKeyRange.StartingHashKey);
        Assert.Equal(HashKeys.Max.ToString(), children[1].HashKeyRange.EndingHashKey);

        // The parent keeps its records; read to its end, it hands over to its children.
        var (old, last) = await ReadToTipAsync(await IteratorAsync(name, Shard0, ShardIteratorType.TRIM_HORIZON));
        Assert.Equal(["old-1", "old-2"], old.Select(Text));
        Assert.Null(last.NextShardIterator);
        Assert.Equal(children.Select(c => c.ShardId).Order(), (last.ChildShards ?? []).Select(c => c.ShardId).Order());

        var put = await Client.PutRecordAsync(new() { StreamName = name, PartitionKey = "p", Data = "new"u8.ToArray() });
        Assert.Equal(children.ShardFor(HashKeys.Of("p")).ShardId, put.ShardId);
    }
}
