using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record UpdateItemRequest(
    string? TableName, Dictionary<string, AttributeValue>? Key, string? UpdateExpression, string? ConditionExpression,
    Dictionary<string, string>? ExpressionAttributeNames, Dictionary<string, AttributeValue>? ExpressionAttributeValues,
    string? ReturnValues, JsonElement? AttributeUpdates, JsonElement? Expected, JsonElement? ConditionalOperator, JsonElement? ReturnValuesOnConditionCheckFailure) : IItemWriteRequest;

/// <summary>SET / REMOVE / ADD / DELETE on one item (created if absent), if ConditionExpression holds.</summary>
public static class UpdateItem
{
    public static AttributesResponse Execute(UpdateItemRequest request, OperationContext context)
    {
        Unsupported.Refuse(request.AttributeUpdates, "AttributeUpdates (use UpdateExpression)");
        UpdateActions? actions = null;
        var (table, returns, condition) = ItemWrites.Frame(request, context, ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"],
            attributes => actions = request.UpdateExpression is null ? null : ExpressionParser.Update(request.UpdateExpression, attributes));
        var key = table.Schema.KeyOfKey(request.Key);
        if (actions?.Paths.FirstOrDefault(p => table.Schema.IsKeyAttribute(p.TopName)) is { } keyPath)
            throw DynamoDbException.Validation($"One or more parameter values were invalid: Cannot update attribute {keyPath.TopName}. This attribute is part of the key");
        var (before, after) = ItemWrites.ConditionalWrite(table, key, condition, readCurrent: true, current =>
        {
            var updated = actions is null ? (current ?? table.Schema.KeyMap(key)) : Updater.Apply(actions, current, table.Schema.KeyMap(key));
            ItemWrites.RequireWithinSize(updated);
            return updated;
        });
        var touched = actions?.Paths.Select(p => p.TopName).ToHashSet(StringComparer.Ordinal) ?? [];
        return new(returns switch
        {
            "ALL_OLD" => before,
            "ALL_NEW" => after,
            "UPDATED_OLD" => before?.Where(kv => touched.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal),
            "UPDATED_NEW" => after!.Where(kv => touched.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal),
            _ => null,
        });
    }
}
