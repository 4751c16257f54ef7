using System.Collections.Concurrent;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>A destination that keeps every delivered batch in memory, so tests can count what arrived and in which order.</summary>
public sealed class CollectingDestination : IDeliveryDestination
{
    private int _started;

    public ConcurrentQueue<DeliveryBatch> Batches { get; } = new();

    public string Kind => "Memory";

    public IReadOnlyList<BufferedRecord> Records => [.. Batches.SelectMany(b => b.Records)];

    public IReadOnlyList<int> Numbers => [.. Records.Select(r => TestEvents.NumberOf(r.Data))];

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        // Counted as started, not as finished: deliveries may run side by side (read-ahead).
        if (Interlocked.Increment(ref _started) > HangAfterBatches) await Task.Delay(Timeout.Infinite, cancellationToken);
        Batches.Enqueue(batch);
        return new DeliveryOutcome(batch.Records.Count, 0, batch.Bytes);
    }

    /// <summary>After this many batches the destination hangs (a dying worker): nothing later is acknowledged.</summary>
    public int? HangAfterBatches { get; init; }

    public Task WaitForRecordsAsync(int count, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => Records.Count >= count, timeout, () => $"{Records.Count} of {count} records in {Batches.Count} batches");
}
