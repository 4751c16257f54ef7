using System.Collections.Immutable;
using System.Globalization;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>A shard's identity and lineage. EndingPosition is set once resharding closed it.</summary>
public sealed record ShardInfo(
    string ShardId,
    int Index,
    HashKeyRange HashRange,
    string? ParentShardId,
    string? AdjacentParentShardId,
    long? EndingPosition,
    long CreatedMs,
    long? ClosedMs = null)
{
    public bool IsOpen => EndingPosition is null;

    public static string IdFor(int index) => "shardId-" + index.ToString("D12", CultureInfo.InvariantCulture);
}

/// <summary>A stream's durable description (what stream.json holds).</summary>
public sealed record StreamInfo(
    string Name,
    long CreatedMs,
    int RetentionHours,
    ImmutableSortedDictionary<string, string> Tags,
    ImmutableArray<ShardInfo> Shards,
    int NextShardIndex,
    string? Mode = null)
{
    public const int DefaultRetentionHours = 24;
    public const string Provisioned = "PROVISIONED";
    public const string OnDemand = "ON_DEMAND";

    /// <summary>PROVISIONED or ON_DEMAND (older metadata without a mode is PROVISIONED).</summary>
    public string StreamMode => Mode ?? Provisioned;
}

/// <summary>A shard's description together with its log.</summary>
public sealed record StreamShard(ShardInfo Info, ShardLog Log);
