using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record ScanRequest(
    string? TableName, string? IndexName, string? FilterExpression, string? ProjectionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? Select, int? Limit, Dictionary<string, AttributeValue>? ExclusiveStartKey, int? Segment, int? TotalSegments,
    bool? ConsistentRead, string? ReturnConsumedCapacity, JsonElement? ScanFilter, JsonElement? AttributesToGet, JsonElement? ConditionalOperator);

/// <summary>The whole table in key order, a page at a time; parallel scans split it by a hash of the partition key.</summary>
public static class Scan
{
    public const int MaxTotalSegments = 1_000_000;

    public static PageResponse Execute(ScanRequest request, OperationContext context)
    {
        Pages.RefuseLegacy((request.ScanFilter, "ScanFilter (use FilterExpression)"), (request.AttributesToGet, "AttributesToGet (use ProjectionExpression)"),
            (request.ConditionalOperator, "ConditionalOperator (use FilterExpression)"));
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        var page = Pages.Parse(request.FilterExpression, request.ProjectionExpression, request.Select, request.Limit, request.IndexName,
            new ExpressionAttributes(request.ExpressionAttributeNames, request.ExpressionAttributeValues));
        if ((request.Segment is null) != (request.TotalSegments is null))
            throw DynamoDbException.Validation($"The {(request.Segment is null ? "Segment" : "TotalSegments")} parameter is required but was not present in the request when parameter {(request.Segment is null ? "TotalSegments" : "Segment")} is present");
        if (request.TotalSegments is < 1 or > MaxTotalSegments)
            throw DynamoDbException.Validation($"1 validation error detected: Value '{request.TotalSegments}' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and {MaxTotalSegments}");
        if (request.Segment is { } s && (s < 0 || s >= request.TotalSegments))
            throw DynamoDbException.Validation($"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {s} is not less than TotalSegments: {request.TotalSegments}");
        var start = request.ExclusiveStartKey is null ? (ItemKey?)null : table.Schema.KeyOfKey(request.ExclusiveStartKey);
        return ItemWrites.Locked(table, () =>
        {
            var walk = Pages.After(table.Walk(start, null, descending: false), start);
            if (request.TotalSegments is { } total and > 1) walk = walk.Where(stored => SegmentOf(stored.Key.Hash, total) == request.Segment);
            return Pages.Read(table, walk, page);
        });
    }

    /// <summary>Which of <paramref name="total"/> segments a partition belongs to (stable across restarts).</summary>
    public static int SegmentOf(AttributeValue partition, int total)
    {
        var bytes = partition.Type switch
        {
            AttributeType.B => partition.Binary!,
            AttributeType.N => Encoding.UTF8.GetBytes(Numbers.Canonical(partition.Text!)),
            _ => Encoding.UTF8.GetBytes(partition.Text!),
        };
        return (int)(XxHash32.HashToUInt32(bytes) % (uint)total);
    }
}
