using Sandbox.ClickLog.Failures;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.ClickLog.Mapping;

/// <summary>
/// The settings of a Lambda event source mapping for Kinesis, with AWS's names, defaults and
/// limits (CreateEventSourceMapping). Validate() names the setting that is out of range.
/// </summary>
public sealed record EventSourceMappingOptions
{
    /// <summary>Identifies the mapping (AWS's UUID): its leases in the lease table and its failure objects.</summary>
    public required string Uuid { get; init; }

    public required string StreamName { get; init; }

    public required string LeaseTable { get; init; }

    public string Region { get; init; } = "ap-northeast-1";

    /// <summary>Records per invocation: 1-10,000, AWS default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long to gather records before invoking with a partial batch: 0-300 s, default 0.</summary>
    public TimeSpan MaximumBatchingWindow { get; init; } = TimeSpan.Zero;

    public StartingPosition StartingPosition { get; init; } = StartingPosition.Latest;

    /// <summary>Lambda event filtering: records matching none of the patterns are not invoked (and count as filtered out).</summary>
    public FilterCriteria? FilterCriteria { get; init; }

    public bool BisectBatchOnFunctionError { get; init; }

    /// <summary>-1 (AWS default) retries until the records expire; otherwise 0-10,000.</summary>
    public int MaximumRetryAttempts { get; init; } = -1;

    /// <summary>Null (AWS's -1, the default) keeps retrying records of any age; otherwise 60 s to 7 days.</summary>
    public TimeSpan? MaximumRecordAge { get; init; }

    /// <summary>Where descriptors of discarded batches go; null discards them (counted and logged, as AWS drops them).</summary>
    public IFailureDestination? OnFailure { get; init; }

    /// <summary>Lambda polls each shard about once a second when it is idle.</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause before the first retry of a failed batch; doubles per attempt up to <see cref="MaximumRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaximumRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public LeaseOptions Leases { get; init; } = new();

    /// <summary>Lambda's 6 MB synchronous invocation payload limit also cuts batches.</summary>
    public const int MaximumPayloadBytes = 6 * 1024 * 1024;

    public string StreamArn => $"arn:aws:kinesis:{Region}:000000000000:stream/{StreamName}";

    public string LeaseApplication => $"lambda-esm-{Uuid}";

    public EventSourceMappingOptions Validate()
    {
        Check(BatchSize is >= 1 and <= 10_000, $"BatchSize must be 1-10000, got {BatchSize}");
        Check(MaximumBatchingWindow >= TimeSpan.Zero && MaximumBatchingWindow <= TimeSpan.FromSeconds(300),
            $"MaximumBatchingWindowInSeconds must be 0-300, got {MaximumBatchingWindow.TotalSeconds}");
        Check(MaximumRetryAttempts is >= -1 and <= 10_000, $"MaximumRetryAttempts must be -1 or 0-10000, got {MaximumRetryAttempts}");
        Check(MaximumRecordAge is null || (MaximumRecordAge >= TimeSpan.FromSeconds(60) && MaximumRecordAge <= TimeSpan.FromDays(7)),
            $"MaximumRecordAgeInSeconds must be -1 or 60-604800, got {MaximumRecordAge?.TotalSeconds}");
        Check(StartingPosition.IteratorType.Value is "TRIM_HORIZON" or "LATEST" or "AT_TIMESTAMP",
            $"StartingPosition must be TRIM_HORIZON, LATEST or AT_TIMESTAMP, got {StartingPosition.IteratorType}");
        Check(StartingPosition.IteratorType.Value != "AT_TIMESTAMP" || StartingPosition.Timestamp is not null,
            "StartingPosition AT_TIMESTAMP needs a StartingPositionTimestamp");
        Check(!string.IsNullOrWhiteSpace(StreamName), "the event source stream name is empty");
        return this;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new ArgumentException($"event source mapping: {message}");
    }
}
