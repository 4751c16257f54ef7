using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record PageResponse(List<Dictionary<string, AttributeValue>>? Items, int Count, int ScannedCount, Dictionary<string, AttributeValue>? LastEvaluatedKey);

/// <summary>What a Query or Scan returns per item: the filter, the projection or just a count.</summary>
internal sealed record PageRequest(Condition? Filter, IReadOnlyList<DocumentPath>? Projection, bool CountOnly, int? Limit);

/// <summary>
/// Query and Scan pages: items are read in key order until Limit items were evaluated or 1 MB of items
/// (before the filter, as DynamoDB counts) was read; then LastEvaluatedKey says where to go on.
/// </summary>
internal static class Pages
{
    public const int MaxPageBytes = 1024 * 1024;

    public static PageRequest Parse(
        string? filterExpression, string? projectionExpression, string? select, int? limit, string? indexName,
        ExpressionAttributes attributes, Action<ExpressionAttributes>? parseMore = null)
    {
        if (indexName is not null) throw DynamoDbException.NotSupported($"IndexName '{indexName}' (secondary indexes)");
        if (limit is < 1) throw DynamoDbException.Validation($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        parseMore?.Invoke(attributes);
        var filter = filterExpression is null ? null : ExpressionParser.Condition(filterExpression, "FilterExpression", attributes);
        var projection = projectionExpression is null ? null : ExpressionParser.Projection(projectionExpression, attributes);
        attributes.RequireAllUsed();
        switch (select)
        {
            case null or "ALL_ATTRIBUTES" when projection is null || select is null: break;
            case "ALL_ATTRIBUTES": throw DynamoDbException.Validation("Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
            case "COUNT" when projection is null: break;
            case "COUNT": throw DynamoDbException.Validation("Cannot specify the ProjectionExpression when choosing to get only the Count");
            case "SPECIFIC_ATTRIBUTES" when projection is not null: break;
            case "SPECIFIC_ATTRIBUTES": throw DynamoDbException.Validation("SPECIFIC_ATTRIBUTES needs a ProjectionExpression");
            case "ALL_PROJECTED_ATTRIBUTES": throw DynamoDbException.NotSupported("Select ALL_PROJECTED_ATTRIBUTES (secondary indexes)");
            default: throw DynamoDbException.Validation($"1 validation error detected: Value '{select}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        return new PageRequest(filter, projection, select == "COUNT", limit);
    }

    public static void RefuseLegacy(params (JsonElement? Member, string Name)[] members)
    {
        foreach (var (member, name) in members) Unsupported.Refuse(member, name);
    }

    /// <summary>Reads one page from <paramref name="candidates"/>, which the caller enumerates under the table's lock.</summary>
    public static PageResponse Read(Table table, IEnumerable<StoredItem> candidates, PageRequest page)
    {
        var items = page.CountOnly ? null : new List<Dictionary<string, AttributeValue>>();
        int count = 0, scanned = 0, bytes = 0;
        foreach (var stored in candidates)
        {
            scanned++;
            bytes += stored.Size;
            if (page.Filter is null || Evaluator.Matches(page.Filter, stored.Item))
            {
                count++;
                items?.Add(page.Projection is null ? stored.Item : Projection.Apply(stored.Item, page.Projection));
            }
            if (scanned == page.Limit || bytes >= MaxPageBytes)
                return new PageResponse(items, count, scanned, table.Schema.KeyMap(stored.Key));
        }
        return new PageResponse(items, count, scanned, null);
    }

    /// <summary>Candidates after an ExclusiveStartKey (strictly), in walking order.</summary>
    public static IEnumerable<StoredItem> After(IEnumerable<StoredItem> walk, ItemKey? start) =>
        start is { } key ? walk.SkipWhile(s => ItemKeyComparer.Instance.Compare(s.Key, key) == 0) : walk;
}
