using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Limits;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Stream tag checks (AWS quotas) plus the engine's own sandbox:limits = on|off switch.</summary>
public static class StreamTags
{
    public const int MaxTagsPerStream = 50;

    public static IReadOnlyDictionary<string, string> Validated(Dictionary<string, string>? tags)
    {
        if (tags is null) return new Dictionary<string, string>();
        if (tags.Count > MaxTagsPerStream)
            throw KinesisException.InvalidArgument($"A stream can have at most {MaxTagsPerStream} tags; the request has {tags.Count}.");
        foreach (var (key, value) in tags)
        {
            Validate.Length(key, 1, 128, "tags.key");
            Validate.Length(value ?? "", 0, 256, "tags.value");
            if (key == ThroughputLimiter.StreamTag && !ThroughputLimiter.IsValidSetting(value ?? ""))
                throw KinesisException.InvalidArgument($"Tag {ThroughputLimiter.StreamTag} must be 'on' or 'off', not '{value}'.");
        }
        return tags;
    }
}
