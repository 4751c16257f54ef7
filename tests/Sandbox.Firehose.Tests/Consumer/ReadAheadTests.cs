using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Consumer;

/// <summary>
/// The consumer reads the next batch while the destination delivers one (read-ahead), within a
/// bound, and checkpoints a batch only once its delivery returned; a worker dying mid-delivery
/// loses nothing.
/// </summary>
[Collection(FirehoseCollection.Name)]
public class ReadAheadTests(FirehoseFixture fixture)
{
    // Numbered test records are ~20 bytes: a batch is cut at about 10 records.
    private static readonly BufferingHints Small = new(200, TimeSpan.FromMilliseconds(100));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_next_batch_is_read_while_a_delivery_runs_and_what_is_held_stays_bounded()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 1);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(300));
        var gate = new GatedDestination();
        using var worker = rig.DeliveryStream("read-ahead", gate, Small, rig.Consumer(limit: 5) with { DeliveriesInFlight = 2 });
        await worker.StartAsync(CancellationToken.None);

        // Both delivery slots taken and held shut: the consumer reads on until its buffer is full, then stops.
        await Eventually.HoldsAsync(() => gate.Started == 2, Timeout, () => $"{gate.Started} deliveries started");
        var inFlight = gate.StartedRecords;
        await Eventually.HoldsAsync(() => worker.Counters.In > inFlight, Timeout, () => $"read {worker.Counters.In}, in deliveries {inFlight}");
        await Task.Delay(1_000); // ample time to read all 300 if nothing bounded it
        Assert.Equal(0, worker.Counters.Out);
        var held = worker.Counters.In;
        // Two batches in flight plus one buffer (each ~10 records, the buffer may overshoot by one 5-record page).
        Assert.InRange(held, inFlight + 1, inFlight + 15);
        Assert.True(held < 300, $"held {held} records: the buffer did not stop reading");

        gate.Open();
        await Eventually.HoldsAsync(() => worker.Counters.Out == 300, Timeout, () => worker.Counters.ToString());
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 300), gate.Delivered.Numbers.Order());
    }

    [Fact]
    public async Task A_batch_is_checkpointed_only_after_its_delivery_returned_and_never_past_an_older_one()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 1);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(100));
        var gate = new GatedDestination();
        using var worker = rig.DeliveryStream("checkpoint-after", gate, Small, rig.Consumer(limit: 5) with { DeliveriesInFlight = 2 });
        await worker.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => gate.Started == 2, Timeout, () => $"{gate.Started} deliveries started");
        gate.Release(second: true); // the younger batch returns first: its checkpoint must wait for the older one
        await Task.Delay(500);
        var lease = Assert.Single(await rig.LeasesAsync("firehose-checkpoint-after"));
        Assert.Equal("TRIM_HORIZON", lease.Checkpoint);
        Assert.Equal(0, worker.Counters.Out);

        gate.Open();
        await Eventually.HoldsAsync(() => worker.Counters.Out == 100, Timeout, () => worker.Counters.ToString());
        await worker.StopAsync(CancellationToken.None);
        lease = Assert.Single(await rig.LeasesAsync("firehose-checkpoint-after"));
        Assert.Equal(gate.Delivered.Records.MaxBy(r => TestEvents.NumberOf(r.Data))!.SequenceNumber, lease.Checkpoint);
    }

    [Fact]
    public async Task A_worker_dying_mid_delivery_with_records_read_ahead_loses_none_and_repeats_nothing_acknowledged()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        await fixture.PutAsync(rig.Stream, TestEvents.Numbered(200));
        var options = rig.Consumer(failover: TimeSpan.FromSeconds(1), limit: 5) with { DeliveriesInFlight = 2 };

        // Two batches delivered, the next ones hang (a COPY that never returns), then the process dies.
        var dying = new CollectingDestination { HangAfterBatches = 2 };
        var counters = new Sandbox.Core.Pipeline.WorkerCounters();
        var dead = rig.BareConsumer("firehose-mid-copy", dying, Small, options, counters);
        using var kill = new CancellationTokenSource();
        var deadRun = dead.RunAsync(() => { }, kill.Token);
        await Eventually.HoldsAsync(() => dying.Batches.Count == 2 && counters.In > dying.Records.Count + 10, Timeout,
            () => $"{dying.Batches.Count} batches, read {counters.In}");
        await Task.Delay(300); // let the checkpoints of the two delivered batches land
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadRun);

        var survivor = new CollectingDestination();
        using var worker = rig.DeliveryStream("mid-copy", survivor, Small, options);
        await worker.StartAsync(CancellationToken.None);
        var acknowledged = dying.Numbers.ToHashSet();
        await Eventually.HoldsAsync(() => acknowledged.Union(survivor.Numbers).Count() == 200, Timeout,
            () => $"{acknowledged.Union(survivor.Numbers).Count()} of 200 distinct");
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200), acknowledged.Union(survivor.Numbers).Order());
        Assert.Empty(acknowledged.Intersect(survivor.Numbers)); // checkpoints covered exactly what was delivered
    }

    /// <summary>Holds every delivery until released: one by one (<see cref="Release"/>) or all (<see cref="Open"/>).</summary>
    private sealed class GatedDestination : IDeliveryDestination
    {
        private readonly List<TaskCompletionSource> _waiting = [];
        private readonly Lock _lock = new();
        private bool _open;

        public CollectingDestination Delivered { get; } = new();
        public string Kind => "Gated";
        public int Started { get { lock (_lock) return _waiting.Count; } }
        public int StartedRecords { get; private set; }

        public async Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
        {
            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                _waiting.Add(turn);
                StartedRecords += batch.Records.Count;
                if (_open) turn.SetResult();
            }
            await turn.Task.WaitAsync(cancellationToken);
            return await Delivered.DeliverAsync(batch, cancellationToken);
        }

        public void Release(bool second)
        {
            lock (_lock) _waiting[second ? 1 : 0].TrySetResult();
        }

        public void Open()
        {
            lock (_lock)
            {
                _open = true;
                foreach (var turn in _waiting) turn.TrySetResult();
            }
        }
    }
}
