using System.Globalization;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record HashKeyRangeJson(string StartingHashKey, string EndingHashKey);

public sealed record SequenceNumberRangeJson(string StartingSequenceNumber, string? EndingSequenceNumber);

/// <summary>The "Shard" shape of DescribeStream and ListShards.</summary>
public sealed record ShardJson(
    string ShardId,
    string? ParentShardId,
    string? AdjacentParentShardId,
    HashKeyRangeJson HashKeyRange,
    SequenceNumberRangeJson SequenceNumberRange)
{
    public static ShardJson From(ShardInfo shard) => new(
        shard.ShardId,
        shard.ParentShardId,
        shard.AdjacentParentShardId,
        HashRangeOf(shard),
        new SequenceNumberRangeJson(
            SequenceNumber.Format(shard.Index, 0),
            shard.EndingPosition is { } end ? SequenceNumber.Format(shard.Index, Math.Max(end - 1, 0)) : null));

    public static HashKeyRangeJson HashRangeOf(ShardInfo shard) => new(
        shard.HashRange.Start.ToString(CultureInfo.InvariantCulture),
        shard.HashRange.End.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The "ChildShards" shape GetRecords returns at the end of a closed shard.</summary>
public sealed record ChildShardJson(string ShardId, List<string> ParentShards, HashKeyRangeJson HashKeyRange);

public sealed record StreamModeDetailsJson(string? StreamMode);

public sealed record EnhancedMetricsJson(List<string> ShardLevelMetrics);
