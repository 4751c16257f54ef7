using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record PutItemRequest(
    string? TableName, Dictionary<string, AttributeValue>? Item, string? ConditionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? ReturnValues, JsonElement? Expected, JsonElement? ConditionalOperator, JsonElement? ReturnValuesOnConditionCheckFailure) : IItemWriteRequest;

/// <summary>Writes a whole item (replacing any with its key), if ConditionExpression holds for the current one.</summary>
public static class PutItem
{
    public static AttributesResponse Execute(PutItemRequest request, OperationContext context)
    {
        var (table, returns, condition) = ItemWrites.Frame(request, context, ["NONE", "ALL_OLD"]);
        var item = request.Item ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        var key = table.Schema.KeyOfItem(item);
        ItemWrites.RequireWithinSize(item);
        var (old, _) = ItemWrites.ConditionalWrite(table, key, condition, readCurrent: returns != "NONE", _ => item);
        return new(returns == "ALL_OLD" ? old : null);
    }
}
