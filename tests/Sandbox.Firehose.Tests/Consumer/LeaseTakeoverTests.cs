using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Consumer;

[Collection(FirehoseCollection.Name)]
public class LeaseTakeoverTests(FirehoseFixture fixture)
{
    private static readonly BufferingHints Small = new(500, TimeSpan.FromMilliseconds(100));

    [Fact]
    public async Task A_dead_workers_leases_are_taken_over_after_the_failover_time_and_reading_resumes_from_its_checkpoint()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(300));
        var options = rig.Consumer(failover: TimeSpan.FromSeconds(1), limit: 20);

        // Worker A delivers three batches, then hangs on the fourth and dies: no release, no final delivery.
        var deadDestination = new CollectingDestination { HangAfterBatches = 3 };
        var dead = rig.BareConsumer("firehose-takeover", deadDestination, Small, options);
        using var kill = new CancellationTokenSource();
        var deadRun = dead.RunAsync(() => { }, kill.Token);
        await Eventually.HoldsAsync(() => deadDestination.Batches.Count == 3, TimeSpan.FromSeconds(20), () => $"{deadDestination.Batches.Count} batches");
        await Task.Delay(300); // let the checkpoint of batch 3 land
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadRun);
        Assert.All(await rig.LeasesAsync("firehose-takeover"), lease => Assert.NotNull(lease.Owner)); // still "held" by the dead worker

        var survivor = new CollectingDestination();
        using var worker = rig.DeliveryStream("takeover", survivor, Small, options);
        await worker.StartAsync(CancellationToken.None);
        var acknowledged = deadDestination.Numbers.ToHashSet();
        await Eventually.HoldsAsync(() => acknowledged.Union(survivor.Numbers).Count() == 300, TimeSpan.FromSeconds(30),
            () => $"{acknowledged.Union(survivor.Numbers).Count()} of 300 distinct");
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 300), acknowledged.Union(survivor.Numbers).Order());
        Assert.Empty(acknowledged.Intersect(survivor.Numbers)); // the dead worker's checkpoints were honoured
        Assert.All(await rig.LeasesAsync("firehose-takeover"), lease => Assert.True(lease.Counter > 3));
    }

    [Fact]
    public async Task A_worker_in_a_delivery_longer_than_the_failover_time_keeps_its_leases()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(40));
        var options = rig.Consumer(failover: TimeSpan.FromSeconds(1));
        var slow = new SlowDestination(TimeSpan.FromSeconds(3));
        var idle = new CollectingDestination();
        using var busy = rig.DeliveryStream("long-delivery", slow, Small, options);
        await busy.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => slow.Started, TimeSpan.FromSeconds(10), () => "no delivery started");

        using var other = rig.DeliveryStream("long-delivery", idle, Small, options);
        await other.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => busy.Counters.Out == 40, TimeSpan.FromSeconds(30), () => busy.Counters.ToString());
        await other.StopAsync(CancellationToken.None);
        await busy.StopAsync(CancellationToken.None);

        Assert.Empty(idle.Records); // the other worker never found an expired lease to take
    }

    private sealed class SlowDestination(TimeSpan each) : Sandbox.Firehose.Destinations.IDeliveryDestination
    {
        public volatile bool Started;
        public string Kind => "Slow";

        public async Task<Sandbox.Firehose.Destinations.DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
        {
            Started = true;
            await Task.Delay(each, cancellationToken);
            return new(batch.Records.Count, 0, batch.Bytes);
        }
    }
}
