using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Source-generated (de)serializers: AWS member names as-is, nulls left out, strict case.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(CreateStreamRequest))]
[JsonSerializable(typeof(DeleteStreamRequest))]
[JsonSerializable(typeof(ListStreamsRequest))]
[JsonSerializable(typeof(ListStreamsResponse))]
[JsonSerializable(typeof(DescribeStreamRequest))]
[JsonSerializable(typeof(DescribeStreamResponse))]
[JsonSerializable(typeof(DescribeStreamSummaryRequest))]
[JsonSerializable(typeof(DescribeStreamSummaryResponse))]
[JsonSerializable(typeof(ListShardsRequest))]
[JsonSerializable(typeof(ListShardsResponse))]
[JsonSerializable(typeof(PutRecordRequest))]
[JsonSerializable(typeof(PutRecordResponse))]
[JsonSerializable(typeof(PutRecordsRequest))]
[JsonSerializable(typeof(PutRecordsResponse))]
[JsonSerializable(typeof(GetShardIteratorRequest))]
[JsonSerializable(typeof(GetShardIteratorResponse))]
[JsonSerializable(typeof(GetRecordsRequest))]
[JsonSerializable(typeof(ChildShardJson))]
[JsonSerializable(typeof(RetentionPeriodRequest))]
[JsonSerializable(typeof(UpdateShardCountRequest))]
[JsonSerializable(typeof(UpdateShardCountResponse))]
[JsonSerializable(typeof(AddTagsToStreamRequest))]
[JsonSerializable(typeof(RemoveTagsFromStreamRequest))]
[JsonSerializable(typeof(ListTagsForStreamRequest))]
[JsonSerializable(typeof(ListTagsForStreamResponse))]
public sealed partial class KinesisJson : JsonSerializerContext;
