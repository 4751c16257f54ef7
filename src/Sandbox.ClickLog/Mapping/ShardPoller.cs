using Sandbox.ClickLog.Failures;
using Sandbox.Core.Pipeline;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;

namespace Sandbox.ClickLog.Mapping;

/// <summary>Checkpoints a shard's progress in its lease; false when the lease was lost to another worker.</summary>
public delegate Task<bool> ShardCheckpoint(string shardId, string checkpoint, CancellationToken cancellationToken);

/// <summary>
/// One shard of the mapping: polls, filters, gathers a batch until BatchSize, the batching window
/// or the 6 MB payload limit, settles it, and only then checkpoints. One batch at a time per shard,
/// so records reach the function in shard order.
/// </summary>
public sealed class ShardPoller(
    ShardReader reader,
    EventSourceMappingOptions options,
    BatchInvoker invoker,
    ShardCheckpoint checkpoint,
    WorkerCounters counters,
    MappingMetrics metrics,
    TimeProvider clock)
{
    private readonly Queue<Record> _pending = new();
    private string? _lastTaken;

    public string ShardId => reader.ShardId;

    /// <summary>Opens the shard iterator (LATEST resolves now) and reads once: call before the mapping reports ready.</summary>
    public async Task PrimeAsync(CancellationToken cancellationToken) => Enqueue(await PollAsync(cancellationToken));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await GatherAsync(cancellationToken);
            if (batch.Count > 0) await invoker.SettleAsync(ShardId, batch, cancellationToken);
            if (_lastTaken is { } settled && settled != reader.Delivered)
            {
                if (!await checkpoint(ShardId, settled, cancellationToken)) return; // another worker owns the shard now
                reader.Delivered = settled;
            }
            if (_pending.Count == 0 && reader.FullyDelivered)
            {
                await checkpoint(ShardId, Checkpoints.ShardEnd, cancellationToken);
                return;
            }
        }
    }

    private async Task<List<Record>> GatherAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Record>();
        long bytes = 0;
        var unsettled = false;
        DateTimeOffset? deadline = null;
        while (true)
        {
            while (batch.Count < options.BatchSize && _pending.TryPeek(out var next))
            {
                if (batch.Count > 0 && bytes + next.Data.Length > EventSourceMappingOptions.MaximumPayloadBytes) return batch;
                _pending.Dequeue();
                _lastTaken = next.SequenceNumber;
                unsettled = true;
                switch (options.FilterCriteria?.Evaluate(next) ?? FilterVerdict.Match)
                {
                    case FilterVerdict.Match:
                        batch.Add(next);
                        bytes += next.Data.Length;
                        break;
                    case FilterVerdict.NoMatch:
                        metrics.FilteredOut(1);
                        counters.AddOut(1);
                        break;
                    default:
                        await invoker.DiscardAsync(ShardId, [next], FailureConditions.DataNotJson, 0,
                            new InvalidDataException($"record {next.SequenceNumber}: data is not a JSON object, so the data filter cannot match it"),
                            cancellationToken);
                        break;
                }
            }
            if (batch.Count >= options.BatchSize) return batch;
            var now = clock.GetUtcNow();
            if (batch.Count > 0)
            {
                deadline ??= now + options.MaximumBatchingWindow;
                if (now >= deadline) return batch;
            }
            if (reader.ReachedEnd) return batch;

            var read = await PollAsync(cancellationToken);
            Enqueue(read);
            if (read.Count > 0) continue;
            if (batch.Count == 0 && unsettled) return batch; // only filtered-out records: checkpoint past them
            var wait = deadline is { } due && due - now < options.IdlePollInterval ? due - now : options.IdlePollInterval;
            if (reader.Behind && reader.UntilNextCall < wait) wait = reader.UntilNextCall; // more is waiting: poll as soon as allowed
            await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), clock, cancellationToken);
        }
    }

    /// <summary>Lambda keeps polling through throttling and outages: the shard only falls behind.</summary>
    private async Task<IReadOnlyList<Record>> PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception error) when (TransientErrors.IsTransient(error) && !cancellationToken.IsCancellationRequested)
        {
            metrics.PollFailed(error);
            return [];
        }
    }

    private void Enqueue(IReadOnlyList<Record> records)
    {
        foreach (var record in records) _pending.Enqueue(record);
        metrics.Polled(records.Count);
        counters.AddIn(records.Count);
    }
}
