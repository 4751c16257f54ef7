using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record QueryRequest(
    string? TableName, string? IndexName, string? KeyConditionExpression, string? FilterExpression, string? ProjectionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? Select, int? Limit, Dictionary<string, AttributeValue>? ExclusiveStartKey, bool? ScanIndexForward, bool? ConsistentRead,
    string? ReturnConsumedCapacity, JsonElement? KeyConditions, JsonElement? QueryFilter, JsonElement? AttributesToGet, JsonElement? ConditionalOperator);

/// <summary>One partition's items in sort key order (or reversed), narrowed by a sort key condition.</summary>
public static class Query
{
    public static PageResponse Execute(QueryRequest request, OperationContext context)
    {
        Pages.RefuseLegacy((request.KeyConditions, "KeyConditions (use KeyConditionExpression)"), (request.QueryFilter, "QueryFilter (use FilterExpression)"),
            (request.AttributesToGet, "AttributesToGet (use ProjectionExpression)"), (request.ConditionalOperator, "ConditionalOperator (use FilterExpression)"));
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        if (request.KeyConditionExpression is null)
            throw DynamoDbException.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        KeyRange? range = null;
        var page = Pages.Parse(request.FilterExpression, request.ProjectionExpression, request.Select, request.Limit, request.IndexName,
            new ExpressionAttributes(request.ExpressionAttributeNames, request.ExpressionAttributeValues),
            attributes => range = KeyRange.Of(ExpressionParser.Condition(request.KeyConditionExpression, "KeyConditionExpression", attributes), table.Schema));
        var start = request.ExclusiveStartKey is null ? (ItemKey?)null : table.Schema.KeyOfKey(request.ExclusiveStartKey);
        if (start is { } s && ItemKeyComparer.Instance.Compare(new ItemKey(s.Hash, null, -1), new ItemKey(range!.Partition, null, -1)) != 0)
            throw DynamoDbException.Validation("The provided starting key is invalid: The provided key element does not match the schema (its partition is not the queried one)");
        var descending = request.ScanIndexForward == false;
        return ItemWrites.Locked(table, () =>
        {
            var (from, to) = range!.Bounds(start, descending);
            var walk = Pages.After(table.Walk(from, to, descending), start).Where(stored => range.Matches(stored.Key));
            return Pages.Read(table, walk, page);
        });
    }
}
