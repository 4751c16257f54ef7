using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record DescribeStreamRequest(string? StreamName, string? StreamARN, int? Limit, string? ExclusiveStartShardId);

public sealed record StreamDescriptionJson(
    string StreamName,
    string StreamARN,
    string StreamStatus,
    StreamModeDetailsJson StreamModeDetails,
    List<ShardJson> Shards,
    bool HasMoreShards,
    int RetentionPeriodHours,
    decimal StreamCreationTimestamp,
    List<EnhancedMetricsJson> EnhancedMonitoring,
    string EncryptionType);

public sealed record DescribeStreamResponse(StreamDescriptionJson StreamDescription);

/// <summary>The stream with its shards (open and closed), paged by ExclusiveStartShardId.</summary>
public static class DescribeStream
{
    public const string Name = "DescribeStream";

    public static DescribeStreamResponse Execute(DescribeStreamRequest request, OperationContext context)
    {
        var limit = Validate.OptionalRange(request.Limit, 1, 10_000, "limit") ?? 100;
        if (request.ExclusiveStartShardId is { } start) Validate.Length(start, 1, 128, "exclusiveStartShardId");
        var info = StreamLookup.Find(context, request.StreamName, request.StreamARN).State.Info;
        var after = info.Shards.Where(s => request.ExclusiveStartShardId is null || string.CompareOrdinal(s.ShardId, request.ExclusiveStartShardId) > 0).ToList();
        var page = after.Take(limit).Select(ShardJson.From).ToList();
        return new DescribeStreamResponse(new StreamDescriptionJson(
            info.Name, context.StreamArn(info.Name), "ACTIVE", new StreamModeDetailsJson(info.StreamMode),
            page, after.Count > page.Count, info.RetentionHours, Timestamps.EpochSeconds(info.CreatedMs),
            [new EnhancedMetricsJson([])], "NONE"));
    }
}
