namespace Sandbox.Kinesis.Model;

/// <summary>Hash keys are decimal strings of 128-bit unsigned integers, as AWS sends them.</summary>
public sealed record HashKeyRange
{
    public string StartingHashKey { get; init; } = "";
    public string EndingHashKey { get; init; } = "";
}

/// <summary>EndingSequenceNumber is set only once the shard is closed (e.g. after resharding).</summary>
public sealed record SequenceNumberRange
{
    public string StartingSequenceNumber { get; init; } = "";
    public string? EndingSequenceNumber { get; init; }
}

public sealed record Shard
{
    public string ShardId { get; init; } = "";
    public string? ParentShardId { get; init; }
    public string? AdjacentParentShardId { get; init; }
    public HashKeyRange HashKeyRange { get; init; } = new();
    public SequenceNumberRange SequenceNumberRange { get; init; } = new();
}

public sealed record ShardFilter
{
    public ShardFilterType Type { get; init; } = ShardFilterType.AT_LATEST;
    public string? ShardId { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
}

public sealed record ListShardsRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public string? NextToken { get; init; }
    public string? ExclusiveStartShardId { get; init; }
    public int? MaxResults { get; init; }
    public DateTimeOffset? StreamCreationTimestamp { get; init; }
    public ShardFilter? ShardFilter { get; init; }
}

public sealed record ListShardsResponse
{
    public List<Shard> Shards { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record ChildShard
{
    public string ShardId { get; init; } = "";
    public List<string> ParentShards { get; init; } = [];
    public HashKeyRange HashKeyRange { get; init; } = new();
}
