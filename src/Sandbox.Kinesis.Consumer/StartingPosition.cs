using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Consumer;

/// <summary>
/// Where a shard that has no checkpoint yet is first read: KCL's initialPositionInStream,
/// Lambda's StartingPosition (TRIM_HORIZON, LATEST or AT_TIMESTAMP).
/// </summary>
public sealed record StartingPosition(ShardIteratorType IteratorType, DateTimeOffset? Timestamp = null)
{
    public static StartingPosition TrimHorizon { get; } = new(ShardIteratorType.TRIM_HORIZON);

    public static StartingPosition Latest { get; } = new(ShardIteratorType.LATEST);

    public static StartingPosition AtTimestamp(DateTimeOffset timestamp) => new(ShardIteratorType.AT_TIMESTAMP, timestamp);

    public override string ToString() => Timestamp is { } at ? $"{IteratorType} {at:O}" : IteratorType.Value;
}
