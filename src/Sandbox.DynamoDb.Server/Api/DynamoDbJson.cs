using System.Text.Json.Serialization;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Api;

/// <summary>Source-generated (de)serializers: AWS member names as-is, nulls left out, values through <see cref="AttributeValueJson"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false,
    Converters = [typeof(AttributeValueJson), typeof(ItemJson)])]
[JsonSerializable(typeof(CreateTableRequest))]
[JsonSerializable(typeof(TableDescriptionResponse))]
[JsonSerializable(typeof(TableNameRequest))]
[JsonSerializable(typeof(DescribeTableResponse))]
[JsonSerializable(typeof(ListTablesRequest))]
[JsonSerializable(typeof(ListTablesResponse))]
[JsonSerializable(typeof(UpdateTimeToLiveRequest))]
[JsonSerializable(typeof(UpdateTimeToLiveResponse))]
[JsonSerializable(typeof(DescribeTimeToLiveResponse))]
[JsonSerializable(typeof(PutItemRequest))]
[JsonSerializable(typeof(GetItemRequest))]
[JsonSerializable(typeof(GetItemResponse))]
[JsonSerializable(typeof(UpdateItemRequest))]
[JsonSerializable(typeof(DeleteItemRequest))]
[JsonSerializable(typeof(AttributesResponse))]
[JsonSerializable(typeof(BatchWriteItemRequest))]
[JsonSerializable(typeof(BatchWriteItemResponse))]
[JsonSerializable(typeof(BatchGetItemRequest))]
[JsonSerializable(typeof(BatchGetItemResponse))]
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(ScanRequest))]
[JsonSerializable(typeof(PageResponse))]
public sealed partial class DynamoDbJson : JsonSerializerContext;
