using Microsoft.Extensions.Logging;
using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Lambda;
using Sandbox.Core.Pipeline;
using Sandbox.Kinesis.Model;

namespace Sandbox.ClickLog.Mapping;

/// <summary>
/// Invokes the function with one shard's batch and settles it the way Lambda does for stream
/// sources: retry with backoff until MaximumRetryAttempts, split the batch in two on error when
/// bisecting (splits do not use up retries), drop records older than MaximumRecordAge, and send a
/// descriptor of every discarded range to the on-failure destination. Returns once every record
/// is settled; only cancellation or a failing destination escapes.
/// </summary>
public sealed class BatchInvoker(
    IKinesisFunction function,
    EventSourceMappingOptions options,
    WorkerCounters counters,
    MappingMetrics metrics,
    TimeProvider clock,
    ILogger logger)
{
    private readonly InvocationEvents _events = new(options, function.FunctionName);

    public async Task SettleAsync(string shardId, IReadOnlyList<Record> batch, CancellationToken cancellationToken)
    {
        var retries = 0;
        var records = batch;
        while (true)
        {
            records = await DropExpiredAsync(shardId, records, retries, cancellationToken);
            if (records.Count == 0) return;
            var error = await InvokeAsync(shardId, records, cancellationToken);
            if (error is null) return;

            if (options.BisectBatchOnFunctionError && records.Count > 1)
            {
                var half = records.Count / 2;
                await SettleAsync(shardId, [.. records.Take(half)], cancellationToken);
                await SettleAsync(shardId, [.. records.Skip(half)], cancellationToken);
                return;
            }
            if (options.MaximumRetryAttempts >= 0 && retries >= options.MaximumRetryAttempts)
            {
                await DiscardAsync(shardId, records, FailureConditions.RetryAttemptsExhausted, retries + 1, error, cancellationToken);
                return;
            }
            retries++;
            counters.AddRetried(records.Count);
            await Task.Delay(Backoff(retries), clock, cancellationToken);
        }
    }

    private async Task<Exception?> InvokeAsync(string shardId, IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        try
        {
            await function.HandleAsync(_events.For(shardId, records), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.FailedInvoke(records.Count);
            logger.LogWarning("{Function} failed on {Shard} ({Count} records from {First}): {Error}",
                function.FunctionName, shardId, records.Count, records[0].SequenceNumber, error.Message);
            return error;
        }
        metrics.Invoked(records.Count);
        counters.AddOut(records.Count);
        return null;
    }

    private async Task<IReadOnlyList<Record>> DropExpiredAsync(string shardId, IReadOnlyList<Record> records, int invokeCount,
        CancellationToken cancellationToken)
    {
        if (options.MaximumRecordAge is not { } maxAge) return records;
        var oldest = clock.GetUtcNow() - maxAge;
        // A shard's records arrive in order: the expired ones are a prefix of the batch.
        var expired = records.TakeWhile(r => (r.ApproximateArrivalTimestamp ?? DateTimeOffset.MaxValue) < oldest).Count();
        if (expired == 0) return records;
        await DiscardAsync(shardId, [.. records.Take(expired)], FailureConditions.RecordAgeExceeded, invokeCount, null, cancellationToken);
        return [.. records.Skip(expired)];
    }

    /// <summary>Sends records to the on-failure destination (also used without invoking: data not JSON under a data filter).</summary>
    public async Task DiscardAsync(string shardId, IReadOnlyList<Record> records, string condition, int invokeCount, Exception? error,
        CancellationToken cancellationToken)
    {
        var failed = Describe(shardId, records, condition, invokeCount, error);
        if (options.OnFailure is { } destination) await destination.SendAsync(failed, cancellationToken);
        else logger.LogError("{Function}: {Count} records of {Shard} discarded ({Condition}) and no on-failure destination is set",
            function.FunctionName, records.Count, shardId, condition);
        metrics.Dropped(records.Count, delivered: options.OnFailure is not null);
        counters.AddRejected(records.Count);
    }

    private FailedBatch Describe(string shardId, IReadOnlyList<Record> records, string condition, int invokeCount, Exception? error) => new(
        new FailedRequestContext(Guid.NewGuid().ToString(), _events.FunctionArn, condition, invokeCount),
        new FailedResponseContext(200, "$LATEST", error is null ? null : "Unhandled", error?.GetType().Name,
            error?.Message ?? (condition == FailureConditions.RecordAgeExceeded ? $"older than {options.MaximumRecordAge}" : null)),
        "1.0",
        clock.GetUtcNow(),
        new KinesisBatchInfo(shardId, records[0].SequenceNumber, records[^1].SequenceNumber,
            records[0].ApproximateArrivalTimestamp ?? default, records[^1].ApproximateArrivalTimestamp ?? default,
            records.Count, options.StreamArn),
        _events.For(shardId, records));

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < options.MaximumRetryDelay ? delay : options.MaximumRetryDelay;
    }
}
