using Polly;
using Polly.Retry;

namespace Sandbox.Kinesis.Resilience;

/// <summary>How hard PutRecordsWithRetryAsync tries before giving up. Reuse one instance: it caches its pipeline.</summary>
public sealed class PutRecordsRetryOptions
{
    public static PutRecordsRetryOptions Default { get; } = new();

    /// <summary>Total PutRecords calls per batch, the first one included.</summary>
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Per-record ErrorCodes AWS documents as worth resending.</summary>
    public IReadOnlySet<string> RetryableRecordErrorCodes { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "ProvisionedThroughputExceededException", "InternalFailure" };

    private ResiliencePipeline<BatchProgress>? _pipeline;

    internal ResiliencePipeline<BatchProgress> Pipeline => _pipeline ??= Build();

    private ResiliencePipeline<BatchProgress> Build()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "must be at least 1");
        var builder = new ResiliencePipelineBuilder<BatchProgress> { TimeProvider = TimeProvider };
        if (MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<BatchProgress>
            {
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: { } ex } => TransientErrors.IsTransient(ex),
                    { Result: BatchProgress.RetryableRecordsLeft } => true,
                    _ => false,
                }),
            });
        return builder.Build();
    }
}

internal enum BatchProgress { Done, RetryableRecordsLeft, StoppedOnPermanentRecordErrors }
