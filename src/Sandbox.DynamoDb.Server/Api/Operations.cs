using System.Collections.Frozen;

namespace Sandbox.DynamoDb.Server.Api;

/// <summary>The supported surface: X-Amz-Target "DynamoDB_20120810.{name}" -> handler.</summary>
public static class Operations
{
    public const string TargetPrefix = "DynamoDB_20120810.";

    private static readonly DynamoDbJson Json = DynamoDbJson.Default;

    public static readonly FrozenDictionary<string, OperationHandler> ByName = new Dictionary<string, OperationHandler>
    {
        ["CreateTable"] = Operation.Json(Json.CreateTableRequest, Json.TableDescriptionResponse, CreateTable.Execute),
        ["DescribeTable"] = Operation.Json(Json.TableNameRequest, Json.DescribeTableResponse, DescribeTable.Execute),
        ["DeleteTable"] = Operation.Json(Json.TableNameRequest, Json.TableDescriptionResponse, DeleteTable.Execute),
        ["ListTables"] = Operation.Json(Json.ListTablesRequest, Json.ListTablesResponse, ListTables.Execute),
        ["UpdateTimeToLive"] = Operation.Json(Json.UpdateTimeToLiveRequest, Json.UpdateTimeToLiveResponse, UpdateTimeToLive.Execute),
        ["DescribeTimeToLive"] = Operation.Json(Json.TableNameRequest, Json.DescribeTimeToLiveResponse, DescribeTimeToLive.Execute),
        ["PutItem"] = Operation.Json(Json.PutItemRequest, Json.AttributesResponse, PutItem.Execute),
        ["GetItem"] = Operation.Json(Json.GetItemRequest, Json.GetItemResponse, GetItem.Execute),
        ["UpdateItem"] = Operation.Json(Json.UpdateItemRequest, Json.AttributesResponse, UpdateItem.Execute),
        ["DeleteItem"] = Operation.Json(Json.DeleteItemRequest, Json.AttributesResponse, DeleteItem.Execute),
        ["BatchWriteItem"] = Operation.Json(Json.BatchWriteItemRequest, Json.BatchWriteItemResponse, BatchWriteItem.Execute),
        ["BatchGetItem"] = Operation.Json(Json.BatchGetItemRequest, Json.BatchGetItemResponse, BatchGetItem.Execute),
        ["Query"] = Operation.Json(Json.QueryRequest, Json.PageResponse, Query.Execute),
        ["Scan"] = Operation.Json(Json.ScanRequest, Json.PageResponse, Scan.Execute),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
