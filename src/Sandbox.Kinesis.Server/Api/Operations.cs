using System.Collections.Frozen;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>The supported surface: X-Amz-Target "Kinesis_20131202.{name}" -> handler.</summary>
public static class Operations
{
    public const string TargetPrefix = "Kinesis_20131202.";

    private static readonly KinesisJson Json = KinesisJson.Default;

    public static readonly FrozenDictionary<string, OperationHandler> ByName = new Dictionary<string, OperationHandler>
    {
        [CreateStream.Name] = Operation.NoOutput(Json.CreateStreamRequest, CreateStream.Execute),
        [DeleteStream.Name] = Operation.NoOutput(Json.DeleteStreamRequest, DeleteStream.Execute),
        [ListStreams.Name] = Operation.Json(Json.ListStreamsRequest, Json.ListStreamsResponse, ListStreams.Execute),
        [DescribeStream.Name] = Operation.Json(Json.DescribeStreamRequest, Json.DescribeStreamResponse, DescribeStream.Execute),
        [DescribeStreamSummary.Name] = Operation.Json(Json.DescribeStreamSummaryRequest, Json.DescribeStreamSummaryResponse, DescribeStreamSummary.Execute),
        [ListShards.Name] = Operation.Json(Json.ListShardsRequest, Json.ListShardsResponse, ListShards.Execute),
        [PutRecord.Name] = Operation.Json(Json.PutRecordRequest, Json.PutRecordResponse, PutRecord.Execute),
        [PutRecords.Name] = Operation.Json(Json.PutRecordsRequest, Json.PutRecordsResponse, PutRecords.Execute),
        [GetShardIterator.Name] = Operation.Json(Json.GetShardIteratorRequest, Json.GetShardIteratorResponse, GetShardIterator.Execute),
        [GetRecords.Name] = GetRecords.Handle,
        [IncreaseStreamRetentionPeriod.Name] = Operation.NoOutput(Json.RetentionPeriodRequest, IncreaseStreamRetentionPeriod.Execute),
        [DecreaseStreamRetentionPeriod.Name] = Operation.NoOutput(Json.RetentionPeriodRequest, DecreaseStreamRetentionPeriod.Execute),
        [UpdateShardCount.Name] = Operation.Json(Json.UpdateShardCountRequest, Json.UpdateShardCountResponse, UpdateShardCount.Execute),
        [AddTagsToStream.Name] = Operation.NoOutput(Json.AddTagsToStreamRequest, AddTagsToStream.Execute),
        [RemoveTagsFromStream.Name] = Operation.NoOutput(Json.RemoveTagsFromStreamRequest, RemoveTagsFromStream.Execute),
        [ListTagsForStream.Name] = Operation.Json(Json.ListTagsForStreamRequest, Json.ListTagsForStreamResponse, ListTagsForStream.Execute),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
