using System.Collections.Concurrent;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Limits;

/// <summary>
/// Decides whether a stream's shard quotas are enforced and holds each shard's buckets.
/// Global default from --limits on|off; a stream overrides it with the tag sandbox:limits = on|off.
/// </summary>
public sealed class ThroughputLimiter(bool enforcedByDefault, TimeProvider time)
{
    public const string StreamTag = "sandbox:limits";

    private readonly ConcurrentDictionary<(string Stream, long Created, string ShardId), ShardThrottle> _shards = new();

    public bool EnforcedByDefault => enforcedByDefault;

    public bool IsEnforced(StreamInfo stream) =>
        stream.Tags.TryGetValue(StreamTag, out var value) && IsValidSetting(value) ? IsOn(value) : enforcedByDefault;

    /// <summary>The shard's throttle, or null when the stream's limits are off.</summary>
    public ShardThrottle? For(StreamInfo stream, ShardInfo shard) =>
        IsEnforced(stream)
            ? _shards.GetOrAdd((stream.Name, stream.CreatedMs, shard.ShardId), _ => new ShardThrottle(time))
            : null;

    public static bool IsValidSetting(string value) => IsOn(value) || IsOff(value);

    private static bool IsOn(string value) => string.Equals(value, "on", StringComparison.OrdinalIgnoreCase);
    private static bool IsOff(string value) => string.Equals(value, "off", StringComparison.OrdinalIgnoreCase);
}
