namespace Sandbox.Kinesis.Server.Storage;

/// <summary>How a shard's log cuts segments and indexes them.</summary>
public sealed record ShardLogOptions
{
    /// <summary>A segment is closed once it holds this many bytes.</summary>
    public long MaxSegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>…or once its first record is this old, so retention can delete quiet shards' data too.</summary>
    public TimeSpan MaxSegmentAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>One sparse-index entry per this many records.</summary>
    public int IndexInterval { get; init; } = 256;
}
