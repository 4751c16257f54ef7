using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record PutItemRequest(
    string? TableName, Dictionary<string, AttributeValue>? Item, string? ConditionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? ReturnValues, JsonElement? Expected, JsonElement? ConditionalOperator, JsonElement? ReturnValuesOnConditionCheckFailure);

/// <summary>Writes a whole item (replacing any with its key), if ConditionExpression holds for the current one.</summary>
public static class PutItem
{
    public static AttributesResponse Execute(PutItemRequest request, OperationContext context)
    {
        ItemWrites.RefuseLegacy(request.Expected, request.ConditionalOperator, request.ReturnValuesOnConditionCheckFailure);
        var returns = ItemWrites.ReturnValues(request.ReturnValues, "NONE", "ALL_OLD");
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        var item = request.Item ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        var attributes = new ExpressionAttributes(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var condition = ItemWrites.Condition(request.ConditionExpression, attributes);
        attributes.RequireAllUsed();
        var key = table.Schema.KeyOfItem(item);
        ItemWrites.RequireWithinSize(item);
        var (old, _) = ItemWrites.ConditionalWrite(table, key, condition, readCurrent: returns != "NONE", _ => item);
        return new(returns == "ALL_OLD" ? old : null);
    }
}
