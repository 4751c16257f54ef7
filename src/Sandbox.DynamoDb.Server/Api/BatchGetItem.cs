using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record KeysAndAttributes(
    List<Dictionary<string, AttributeValue>>? Keys, string? ProjectionExpression, Dictionary<string, string>? ExpressionAttributeNames,
    bool? ConsistentRead, JsonElement? AttributesToGet);

public sealed record BatchGetItemRequest(Dictionary<string, KeysAndAttributes>? RequestItems, string? ReturnConsumedCapacity);

public sealed record BatchGetItemResponse(Dictionary<string, List<Dictionary<string, AttributeValue>>> Responses, Dictionary<string, KeysAndAttributes> UnprocessedKeys);

/// <summary>Up to 100 keys over one or more tables; missing items are simply absent. Past 16 MB of answer the rest is UnprocessedKeys.</summary>
public static class BatchGetItem
{
    public const int MaxKeys = 100;
    private const int MaxResponseBytes = 16 * 1024 * 1024;

    public static BatchGetItemResponse Execute(BatchGetItemRequest request, OperationContext context)
    {
        var requestItems = request.RequestItems;
        if (requestItems is null || requestItems.Count == 0 || requestItems.Values.Any(r => r?.Keys is not { Count: > 0 }))
            throw DynamoDbException.Validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1 (every table needs Keys)");
        if (requestItems.Values.Sum(r => r.Keys!.Count) > MaxKeys)
            throw DynamoDbException.Validation($"Too many items requested for the BatchGetItem call (at most {MaxKeys} keys, over all tables)");
        var plans = new List<(string Name, Table Table, KeysAndAttributes Request, List<ItemKey> Keys, IReadOnlyList<DocumentPath>? Projection)>();
        foreach (var (name, wanted) in requestItems)
        {
            Unsupported.Refuse(wanted.AttributesToGet, "AttributesToGet (use ProjectionExpression)");
            var table = context.Store.Get(Unsupported.TableName(name));
            var attributes = new ExpressionAttributes(wanted.ExpressionAttributeNames, null);
            var projection = wanted.ProjectionExpression is null ? null : ExpressionParser.Projection(wanted.ProjectionExpression, attributes);
            attributes.RequireAllUsed();
            var keys = wanted.Keys!.Select(table.Schema.KeyOfKey).ToList();
            if (keys.Distinct(new ItemKeyEquality()).Count() != keys.Count) throw DynamoDbException.Validation("Provided list of item keys contains duplicates");
            plans.Add((name, table, wanted, keys, projection));
        }
        var responses = new Dictionary<string, List<Dictionary<string, AttributeValue>>>(StringComparer.Ordinal);
        var unprocessed = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var (name, table, wanted, keys, projection) in plans)
        {
            var found = responses[name] = [];
            var left = new List<Dictionary<string, AttributeValue>>();
            ItemWrites.Locked(table, () =>
            {
                foreach (var key in keys)
                {
                    if (bytes >= MaxResponseBytes) { left.Add(table.Schema.KeyMap(key)); continue; }
                    if (table.Find(key) is not { } stored) continue;
                    bytes += stored.Size;
                    found.Add(projection is null ? stored.Item : Projection.Apply(stored.Item, projection));
                }
                return 0;
            });
            if (left.Count > 0) unprocessed[name] = wanted with { Keys = left };
        }
        return new(responses, unprocessed);
    }
}
