using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;

namespace Sandbox.Firehose.Consumer;

/// <summary>
/// The batches a consumer has handed to its destination and not yet checkpointed, oldest first. At
/// most <see cref="Limit"/> at a time, so what the consumer holds stays bounded (those batches plus
/// the buffer filling meanwhile); they are taken back in the order they started, so a checkpoint
/// never passes a batch that is still being delivered. Not thread-safe: the consumer loop owns it.
/// </summary>
internal sealed class InFlightDeliveries(int limit)
{
    private readonly Queue<(DeliveryBatch Batch, Task<DeliveryOutcome> Delivery)> _started = new();

    public int Limit { get; } = limit >= 1 ? limit
        : throw new ArgumentOutOfRangeException(nameof(limit), limit, "at least one delivery must be allowed in flight");

    public int Count => _started.Count;

    public bool HasRoom => _started.Count < Limit;

    /// <summary>The oldest delivery has finished (delivered or failed): take it with <see cref="TakeOldestAsync"/>.</summary>
    public bool OldestFinished => _started.TryPeek(out var oldest) && oldest.Delivery.IsCompleted;

    /// <summary>Completes when the oldest delivery finishes; never when none is in flight.</summary>
    public Task OldestFinishing => _started.TryPeek(out var oldest) ? oldest.Delivery : Never;

    private static readonly Task Never = new TaskCompletionSource().Task;

    public void Start(DeliveryBatch batch, Func<DeliveryBatch, Task<DeliveryOutcome>> deliver)
    {
        if (!HasRoom) throw new InvalidOperationException($"already {Limit} deliveries in flight");
        // Task.Run: the caller goes on reading while the destination encodes, stages and loads.
        _started.Enqueue((batch, Task.Run(() => deliver(batch))));
    }

    /// <summary>Waits for the oldest delivery and removes it; its error, if any, is thrown.</summary>
    public async Task<(DeliveryBatch Batch, DeliveryOutcome Outcome)> TakeOldestAsync(CancellationToken cancellationToken)
    {
        var (batch, delivery) = _started.Peek();
        var outcome = await delivery.WaitAsync(cancellationToken);
        _started.Dequeue();
        return (batch, outcome);
    }
}
