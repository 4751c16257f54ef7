namespace Sandbox.Kinesis.Model;

// Stream lifecycle operations. Property names are the AWS JSON field names, verbatim.

public sealed record CreateStreamRequest
{
    public string? StreamName { get; init; }
    public int? ShardCount { get; init; }
    public StreamModeDetails? StreamModeDetails { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
}

public sealed record CreateStreamResponse;

public sealed record DeleteStreamRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public bool? EnforceConsumerDeletion { get; init; }
}

public sealed record DeleteStreamResponse;

public sealed record ListStreamsRequest
{
    public int? Limit { get; init; }
    public string? ExclusiveStartStreamName { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListStreamsResponse
{
    public List<string> StreamNames { get; init; } = [];
    public bool HasMoreStreams { get; init; }
    public string? NextToken { get; init; }
    public List<StreamSummary>? StreamSummaries { get; init; }
}

public sealed record DescribeStreamRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public int? Limit { get; init; }
    public string? ExclusiveStartShardId { get; init; }
}

public sealed record DescribeStreamResponse
{
    public StreamDescription StreamDescription { get; init; } = new();
}

public sealed record DescribeStreamSummaryRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
}

public sealed record DescribeStreamSummaryResponse
{
    public StreamDescriptionSummary StreamDescriptionSummary { get; init; } = new();
}

public sealed record IncreaseStreamRetentionPeriodRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public int RetentionPeriodHours { get; init; }
}

public sealed record IncreaseStreamRetentionPeriodResponse;

public sealed record DecreaseStreamRetentionPeriodRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public int RetentionPeriodHours { get; init; }
}

public sealed record DecreaseStreamRetentionPeriodResponse;

public sealed record UpdateShardCountRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public int TargetShardCount { get; init; }
    public ScalingType ScalingType { get; init; } = ScalingType.UNIFORM_SCALING;
}

public sealed record UpdateShardCountResponse
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public int CurrentShardCount { get; init; }
    public int TargetShardCount { get; init; }
}
