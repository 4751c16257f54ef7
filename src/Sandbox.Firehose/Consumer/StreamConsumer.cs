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
/// One worker of a consumer application: reads the shards it leases into the buffer, hands a batch
/// to the destination when a buffering hint fires, and checkpoints only once that batch is
/// delivered (at-least-once). It reads on while a batch is delivered (read-ahead): the next batch
/// fills as the destination stages and loads, bounded by the buffer's size hint and
/// <see cref="ConsumerOptions.DeliveriesInFlight"/>, so memory stays flat however far behind it is.
/// A shard is checkpointed SHARD_END once everything it held is delivered, which releases its children.
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
    private readonly InFlightDeliveries _inFlight = new(options.DeliveriesInFlight);
    // Deliveries outlive the read loop's token by the shutdown timeout: a graceful stop lets the
    // batch in flight finish and checkpoints it; a crash (no ShutdownAsync) abandons it unacknowledged.
    private readonly CancellationTokenSource _deliveryStop = new();
    private bool _deliveryFailed;

    public async Task RunAsync(Action onReady, CancellationToken cancellationToken)
    {
        await using var stopDeliveriesLater = cancellationToken.Register(() => _deliveryStop.CancelAfter(options.ShutdownDeliveryTimeout));
        await FirstRefreshAsync(cancellationToken);
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
                await PauseForSourceAsync(error, cancellationToken);
                read = 0;
            }
            while (_inFlight.OldestFinished) await CheckpointOldestAsync(cancellationToken);
            if (buffer.ShouldFlush && _inFlight.HasRoom) StartDelivery(_deliveryStop.Token);
            await FinishEndedShardsAsync(cancellationToken);
            // Nothing new, or the buffer is full while the destination is busy: wait for either to change.
            if (read == 0 || buffer.IsFull)
                await Task.WhenAny(_inFlight.OldestFinishing, Task.Delay(buffer.IsFull ? options.IdlePollInterval : IdleDelay(), clock, cancellationToken));
        }
    }

    /// <summary>Graceful stop: finish the deliveries in flight, deliver what is buffered, checkpoint, and hand the leases back.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownDeliveryTimeout);
        try
        {
            while (_inFlight.Count > 0 && !_deliveryFailed) await CheckpointOldestAsync(timeout.Token);
            if (buffer.Count > 0 && !_deliveryFailed)
            {
                StartDelivery(timeout.Token);
                await CheckpointOldestAsync(timeout.Token);
            }
            await FinishEndedShardsAsync(timeout.Token);
            await leases.ReleaseAllAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not checkpointed means re-read by the next worker: late, never lost.
            logger.LogWarning(error, "{Stream}: final delivery did not finish; {Count} records not checkpointed will be re-read",
                stream, counters.InFlight);
        }
        finally
        {
            await _deliveryStop.CancelAsync();
        }
    }

    /// <summary>A worker started while Kinesis or the lease table restarts waits for them, as it does once running.</summary>
    private async Task FirstRefreshAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await RefreshLeasesAsync(cancellationToken);
                return;
            }
            catch (Exception error) when (TransientErrors.IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                await PauseForSourceAsync(error, cancellationToken);
            }
        }
    }

    private async Task PauseForSourceAsync(Exception error, CancellationToken cancellationToken)
    {
        logger.LogWarning("{Stream}: Kinesis or the lease table does not answer ({Error}); reading again in {Delay} s", stream, error.Message, SourceRetryDelay.TotalSeconds);
        await Task.Delay(SourceRetryDelay, clock, cancellationToken);
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

    private void StartDelivery(CancellationToken cancellationToken) =>
        _inFlight.Start(buffer.Drain(), batch => destination.DeliverAsync(batch, cancellationToken));

    /// <summary>Takes back the oldest delivery and checkpoints what it delivered: never before, never out of order.</summary>
    private async Task CheckpointOldestAsync(CancellationToken cancellationToken)
    {
        DeliveryBatch batch;
        DeliveryOutcome outcome;
        try
        {
            (batch, outcome) = await _inFlight.TakeOldestAsync(cancellationToken);
        }
        catch
        {
            // The batch left the buffer undelivered: checkpointing anything later would skip it.
            _deliveryFailed = true;
            throw;
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

    private async Task FinishEndedShardsAsync(CancellationToken cancellationToken)
    {
        if (_deliveryFailed || _inFlight.Count > 0) return;
        foreach (var reader in _readers.Values.Where(r => r.FullyDelivered).ToArray())
        {
            await leases.CheckpointAsync(reader.ShardId, Checkpoints.ShardEnd, cancellationToken);
            _readers.Remove(reader.ShardId);
            logger.LogInformation("{Stream}: {Shard} delivered to its end", stream, reader.ShardId);
        }
    }

    private static readonly TimeSpan SourceRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Until the buffer is due or, while a shard still holds records, its next allowed read; else the idle poll interval.</summary>
    private TimeSpan IdleDelay()
    {
        var delay = options.IdlePollInterval;
        foreach (var reader in _readers.Values)
            if (reader.Behind && reader.UntilNextCall < delay) delay = reader.UntilNextCall;
        if (buffer.TimeUntilDue is { } due && due < delay) delay = due;
        return delay < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : delay;
    }
}
