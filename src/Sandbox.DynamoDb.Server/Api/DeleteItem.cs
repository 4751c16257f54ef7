using System.Text.Json;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record DeleteItemRequest(
    string? TableName, Dictionary<string, AttributeValue>? Key, string? ConditionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? ReturnValues, JsonElement? Expected, JsonElement? ConditionalOperator, JsonElement? ReturnValuesOnConditionCheckFailure) : IItemWriteRequest;

/// <summary>Deletes one item by key (a missing item is no error), if ConditionExpression holds.</summary>
public static class DeleteItem
{
    public static AttributesResponse Execute(DeleteItemRequest request, OperationContext context)
    {
        var (table, returns, condition) = ItemWrites.Frame(request, context, ["NONE", "ALL_OLD"]);
        var key = table.Schema.KeyOfKey(request.Key);
        var (old, _) = ItemWrites.ConditionalWrite(table, key, condition, readCurrent: returns != "NONE", _ => null);
        return new(returns == "ALL_OLD" ? old : null);
    }
}
