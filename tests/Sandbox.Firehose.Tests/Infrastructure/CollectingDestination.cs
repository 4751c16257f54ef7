using System.Collections.Concurrent;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>A destination that keeps every delivered batch in memory, so tests can count what arrived and in which order.</summary>
public sealed class CollectingDestination : IDeliveryDestination
{
    public ConcurrentQueue<DeliveryBatch> Batches { get; } = new();

    public string Kind => "Memory";

    public IReadOnlyList<BufferedRecord> Records => [.. Batches.SelectMany(b => b.Records)];

    public IReadOnlyList<int> Numbers => [.. Records.Select(r => TestEvents.NumberOf(r.Data))];

    public Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        Batches.Enqueue(batch);
        return Task.FromResult(new DeliveryOutcome(batch.Records.Count, 0, batch.Bytes));
    }

    public async Task WaitForAsync(Func<CollectingDestination, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not delivered within {timeout.TotalSeconds} s: {Records.Count} records in {Batches.Count} batches");
            await Task.Delay(50);
        }
    }
}
