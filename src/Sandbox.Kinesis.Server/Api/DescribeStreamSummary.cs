namespace Sandbox.Kinesis.Server.Api;

public sealed record DescribeStreamSummaryRequest(string? StreamName, string? StreamARN);

public sealed record StreamDescriptionSummaryJson(
    string StreamName,
    string StreamARN,
    string StreamStatus,
    StreamModeDetailsJson StreamModeDetails,
    int RetentionPeriodHours,
    decimal StreamCreationTimestamp,
    List<EnhancedMetricsJson> EnhancedMonitoring,
    string EncryptionType,
    int OpenShardCount,
    int ConsumerCount);

public sealed record DescribeStreamSummaryResponse(StreamDescriptionSummaryJson StreamDescriptionSummary);

/// <summary>The stream without its shard list, with the open shard count.</summary>
public static class DescribeStreamSummary
{
    public const string Name = "DescribeStreamSummary";

    public static DescribeStreamSummaryResponse Execute(DescribeStreamSummaryRequest request, OperationContext context)
    {
        var state = StreamLookup.Find(context, request.StreamName, request.StreamARN).State;
        var info = state.Info;
        return new DescribeStreamSummaryResponse(new StreamDescriptionSummaryJson(
            info.Name, context.StreamArn(info.Name), "ACTIVE", new StreamModeDetailsJson(info.StreamMode),
            info.RetentionHours, Timestamps.EpochSeconds(info.CreatedMs), [new EnhancedMetricsJson([])], "NONE",
            state.OpenShards.Length, 0));
    }
}
