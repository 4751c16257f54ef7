using System.Text.Json;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record GetItemRequest(
    string? TableName, Dictionary<string, AttributeValue>? Key, string? ProjectionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, bool? ConsistentRead, JsonElement? AttributesToGet, string? ReturnConsumedCapacity);

public sealed record GetItemResponse(Dictionary<string, AttributeValue>? Item);

/// <summary>One item by key (every read is strongly consistent here), optionally projected.</summary>
public static class GetItem
{
    public static GetItemResponse Execute(GetItemRequest request, OperationContext context)
    {
        Unsupported.Refuse(request.AttributesToGet, "AttributesToGet (use ProjectionExpression)");
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        var attributes = new ExpressionAttributes(request.ExpressionAttributeNames, null);
        var projection = request.ProjectionExpression is null ? null : ExpressionParser.Projection(request.ProjectionExpression, attributes);
        attributes.RequireAllUsed();
        var key = table.Schema.KeyOfKey(request.Key);
        var item = ItemWrites.Locked(table, () => table.Get(key));
        return new(item is null || projection is null ? item : Projection.Apply(item, projection));
    }
}
