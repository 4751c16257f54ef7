namespace Sandbox.Kinesis.Model;

public sealed record StreamModeDetails
{
    public StreamMode StreamMode { get; init; } = StreamMode.PROVISIONED;
}

public sealed record EnhancedMetrics
{
    public List<string> ShardLevelMetrics { get; init; } = [];
}

public sealed record StreamDescription
{
    public string StreamName { get; init; } = "";
    public string StreamARN { get; init; } = "";
    public StreamStatus StreamStatus { get; init; } = StreamStatus.CREATING;
    public StreamModeDetails? StreamModeDetails { get; init; }
    public List<Shard> Shards { get; init; } = [];
    public bool HasMoreShards { get; init; }
    public int RetentionPeriodHours { get; init; }
    public DateTimeOffset StreamCreationTimestamp { get; init; }
    public List<EnhancedMetrics> EnhancedMonitoring { get; init; } = [];
    public EncryptionType? EncryptionType { get; init; }
    public string? KeyId { get; init; }
}

public sealed record StreamDescriptionSummary
{
    public string StreamName { get; init; } = "";
    public string StreamARN { get; init; } = "";
    public StreamStatus StreamStatus { get; init; } = StreamStatus.CREATING;
    public StreamModeDetails? StreamModeDetails { get; init; }
    public int RetentionPeriodHours { get; init; }
    public DateTimeOffset StreamCreationTimestamp { get; init; }
    public List<EnhancedMetrics> EnhancedMonitoring { get; init; } = [];
    public EncryptionType? EncryptionType { get; init; }
    public string? KeyId { get; init; }
    public int OpenShardCount { get; init; }
    public int? ConsumerCount { get; init; }
}

public sealed record StreamSummary
{
    public string StreamName { get; init; } = "";
    public string StreamARN { get; init; } = "";
    public StreamStatus StreamStatus { get; init; } = StreamStatus.CREATING;
    public StreamModeDetails? StreamModeDetails { get; init; }
    public DateTimeOffset? StreamCreationTimestamp { get; init; }
}
