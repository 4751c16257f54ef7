using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Consumer;

[Collection(FirehoseCollection.Name)]
public class CheckpointResumeTests(FirehoseFixture fixture)
{
    private static readonly BufferingHints Small = new(2_000, TimeSpan.FromMilliseconds(200));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restarted_delivery_stream_resumes_after_its_checkpoint_without_loss_or_repeats()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(200));

        var first = new CollectingDestination();
        using (var worker = rig.DeliveryStream("resume", first, Small))
        {
            await worker.StartAsync(CancellationToken.None);
            await worker.Ready;
            await first.WaitForRecordsAsync(200, Timeout);
            await worker.StopAsync(CancellationToken.None);
            Assert.Equal((200, 200, 0), (worker.Counters.In, worker.Counters.Out, worker.Counters.InFlight));
        }
        Assert.All(await rig.LeasesAsync("firehose-resume"), lease => Assert.Null(lease.Owner)); // released on graceful stop

        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(100, start: 200));
        var second = new CollectingDestination();
        using (var worker = rig.DeliveryStream("resume", second, Small))
        {
            await worker.StartAsync(CancellationToken.None);
            await second.WaitForRecordsAsync(100, Timeout);
            await Task.Delay(500); // a repeat of the first run's records would arrive now
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(Enumerable.Range(0, 200), first.Numbers.Order());
        Assert.Equal(Enumerable.Range(200, 100), second.Numbers.Order());
    }

    [Fact]
    public async Task Graceful_stop_delivers_and_checkpoints_what_the_interval_has_not_flushed_yet()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 1);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(10));
        var destination = new CollectingDestination();
        using var worker = rig.DeliveryStream("stop-flush", destination, new BufferingHints(1_000_000, TimeSpan.FromMinutes(5)));

        await worker.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => worker.Counters.In == 10, Timeout, () => worker.Counters.ToString());
        Assert.Empty(destination.Records);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10), destination.Numbers.Order());
        var lease = Assert.Single(await rig.LeasesAsync("firehose-stop-flush"));
        Assert.Equal(destination.Records[^1].SequenceNumber, lease.Checkpoint);
    }

    [Fact]
    public async Task Each_delivery_stream_is_its_own_application_and_reads_every_record()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(120));
        var archive = new CollectingDestination();
        var warehouse = new CollectingDestination();
        using var toArchive = rig.DeliveryStream("to-archive", archive, Small);
        using var toWarehouse = rig.DeliveryStream("to-warehouse", warehouse, Small);

        await toArchive.StartAsync(CancellationToken.None);
        await toWarehouse.StartAsync(CancellationToken.None);
        await archive.WaitForRecordsAsync(120, Timeout);
        await warehouse.WaitForRecordsAsync(120, Timeout);
        await toArchive.StopAsync(CancellationToken.None);
        await toWarehouse.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 120), archive.Numbers.Order());
        Assert.Equal(Enumerable.Range(0, 120), warehouse.Numbers.Order());
        Assert.Equal(2, (await rig.LeasesAsync("firehose-to-archive")).Count);
        Assert.Equal(2, (await rig.LeasesAsync("firehose-to-warehouse")).Count);
    }
}
