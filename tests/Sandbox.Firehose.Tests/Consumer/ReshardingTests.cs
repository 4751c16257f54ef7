using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;
using Sandbox.Firehose.Tests.Infrastructure;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;

namespace Sandbox.Firehose.Tests.Consumer;

[Collection(FirehoseCollection.Name)]
public class ReshardingTests(FirehoseFixture fixture)
{
    [Fact]
    public async Task Children_are_read_only_after_their_parent_is_delivered_to_its_end()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 1);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(150));
        await fixture.Kinesis.UpdateShardCountAsync(new UpdateShardCountRequest { StreamName = rig.Stream, TargetShardCount = 2 });
        await fixture.Kinesis.WaitForStreamActiveAsync(rig.Stream);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(150, start: 150));

        var destination = new CollectingDestination();
        // Small GetRecords pages: without the parents-first rule children would be read while the parent still has records.
        using var worker = rig.DeliveryStream("reshard", destination, new BufferingHints(300, TimeSpan.FromMilliseconds(50)), rig.Consumer(limit: 10));
        await worker.StartAsync(CancellationToken.None);
        await destination.WaitForRecordsAsync(300, TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        var order = destination.Numbers;
        Assert.Equal(Enumerable.Range(0, 300), order.Order());
        Assert.True(order.Take(150).All(n => n < 150), "every parent record comes before any child record");
        foreach (var key in order.GroupBy(n => n % 8))
            Assert.Equal(key.Order(), key); // per partition key, delivery order is put order

        var leases = await rig.LeasesAsync("firehose-reshard");
        var parent = Assert.Single(leases, l => l.ParentShardIds.Count == 0);
        Assert.Equal(Checkpoints.ShardEnd, parent.Checkpoint);
        Assert.All(leases.Where(l => l != parent), child => Assert.Contains(parent.ShardId, child.ParentShardIds));
    }
}
