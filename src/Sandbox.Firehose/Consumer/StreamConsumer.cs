using Microsoft.Extensions.Logging;
using Sandbox.Core.Pipeline;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Metrics;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Resilience;
using Sandbox.Kinesis;

namespace Sandbox.Firehose.Consumer;

/// <summary>
/// One worker of a consumer application: reads the shards it leases into the buffer, delivers a
/// batch when a buffering hint fires, and only then checkpoints (at-least-once). A shard is
/// checkpointed SHARD_END once everything it held is delivered, which releases its children.
/// </summary>
public sealed class StreamConsumer(
    IKinesisClient kinesis,
    string stream,
    LeaseCoordinator leases,
    RecordBuffer buffer,
    IDeliveryDestination destination,
    ConsumerOptions options,
    WorkerCounters counters,
    DeliveryMetrics metrics,
    TimeProvider clock,
    ILogger logger)
{
    private readonly SortedDictionary<string, ShardReader> _readers = new(StringComparer.Ordinal);
    private bool _deliveryFailed;

    public async Task RunAsync(Action onReady, CancellationToken cancellationToken)
    {
        await RefreshLeasesAsync(cancellationToken);
        onReady();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int read;
            try
            {
                if (leases.RefreshDue) await RefreshLeasesAsync(cancellationToken);
                read = await ReadOnceAsync(cancellationToken);
            }
            catch (Exception error) when (TransientErrors.IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                // Kinesis down or restarting is a pause, as for KCL: leases, checkpoints and iterators
                // are where they were, and what is buffered is still delivered when due.
                logger.LogWarning("{Stream}: Kinesis or the lease table does not answer ({Error}); reading again in {Delay} s", stream, error.Message, SourceRetryDelay.TotalSeconds);
                await Task.Delay(SourceRetryDelay, clock, cancellationToken);
                read = 0;
            }
            if (buffer.ShouldFlush) await DeliverAsync(cancellationToken);
            await FinishEndedShardsAsync(cancellationToken);
            if (read == 0) await Task.Delay(IdleDelay(), clock, cancellationToken);
        }
    }

    /// <summary>Graceful stop: deliver what is buffered, checkpoint, and hand the leases back.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownDeliveryTimeout);
        try
        {
            if (buffer.Count > 0 && !_deliveryFailed) await DeliverAsync(timeout.Token);
            await FinishEndedShardsAsync(timeout.Token);
            await leases.ReleaseAllAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not checkpointed means re-read by the next worker: late, never lost.
            logger.LogWarning(error, "{Stream}: final delivery did not finish; {Count} buffered records will be re-read", stream, buffer.Count);
        }
    }

    private async Task RefreshLeasesAsync(CancellationToken cancellationToken)
    {
        await leases.RefreshAsync(cancellationToken);
        foreach (var shardId in _readers.Keys.Where(id => !leases.Holds(id)).ToArray())
        {
            logger.LogInformation("{Stream}: lease on {Shard} lost to another worker", stream, shardId);
            _readers.Remove(shardId);
        }
        foreach (var lease in leases.Held.Where(l => !_readers.ContainsKey(l.ShardId) && !l.IsFinished))
            _readers[lease.ShardId] = new ShardReader(kinesis, stream, lease, options.GetRecordsLimit);
    }

    private async Task<int> ReadOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var reader in _readers.Values.Where(r => leases.ParentsFinished(r.Lease)).ToArray())
        {
            if (buffer.IsFull) break;
            var records = await reader.ReadAsync(cancellationToken);
            foreach (var record in records)
                buffer.Add(new BufferedRecord(reader.ShardId, record.SequenceNumber, record.Data,
                    record.ApproximateArrivalTimestamp ?? clock.GetUtcNow()));
            counters.AddIn(records.Count);
            metrics.Incoming(records.Count);
            total += records.Count;
        }
        return total;
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var batch = buffer.Drain();
        DeliveryOutcome outcome;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewer = RenewLeasesAsync(renewing.Token);
        try
        {
            outcome = await destination.DeliverAsync(batch, cancellationToken);
        }
        catch
        {
            // The batch left the buffer undelivered: checkpointing anything later would skip it.
            _deliveryFailed = true;
            throw;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewer;
        }
        counters.AddOut(outcome.Delivered);
        counters.AddRejected(outcome.RoutedToErrors);
        metrics.Delivered(batch, outcome);
        foreach (var (shardId, sequence) in batch.LastSequencePerShard)
        {
            if (!_readers.TryGetValue(shardId, out var reader)) continue;
            if (await leases.CheckpointAsync(shardId, sequence, cancellationToken)) reader.Delivered = sequence;
            else _readers.Remove(shardId);
        }
    }

    /// <summary>
    /// A delivery may retry for up to the retry duration (an hour on AWS): the leases are renewed
    /// meanwhile, or other workers would take the shards and read them again.
    /// </summary>
    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(leases.RefreshInterval, clock, cancellationToken);
                await leases.RenewHeldAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("{Stream}: lease renewal failed during a delivery: {Error}", stream, error.Message);
            }
        }
    }

    private async Task FinishEndedShardsAsync(CancellationToken cancellationToken)
    {
        if (_deliveryFailed) return;
        foreach (var reader in _readers.Values.Where(r => r.FullyDelivered).ToArray())
        {
            await leases.CheckpointAsync(reader.ShardId, Checkpoints.ShardEnd, cancellationToken);
            _readers.Remove(reader.ShardId);
            logger.LogInformation("{Stream}: {Shard} delivered to its end", stream, reader.ShardId);
        }
    }

    private static readonly TimeSpan SourceRetryDelay = TimeSpan.FromSeconds(1);

    private TimeSpan IdleDelay()
    {
        var delay = options.IdlePollInterval;
        if (buffer.TimeUntilDue is { } due && due < delay) delay = due;
        return delay < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : delay;
    }
}
