using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record AttributesResponse(Dictionary<string, AttributeValue>? Attributes);

/// <summary>What PutItem, UpdateItem and DeleteItem share: conditions, size limit, ReturnValues, legacy members refused.</summary>
internal static class ItemWrites
{
    public static Condition? Condition(string? expression, ExpressionAttributes attributes) =>
        expression is null ? null : ExpressionParser.Condition(expression, "ConditionExpression", attributes);

    public static void RefuseLegacy(JsonElement? expected, JsonElement? conditionalOperator, JsonElement? returnOnFailure)
    {
        Unsupported.Refuse(expected, "Expected (use ConditionExpression)");
        Unsupported.Refuse(conditionalOperator, "ConditionalOperator (use ConditionExpression)");
        if (returnOnFailure is { ValueKind: JsonValueKind.String } value && value.GetString() != "NONE")
            throw DynamoDbException.NotSupported($"ReturnValuesOnConditionCheckFailure {value.GetString()}");
    }

    public static string ReturnValues(string? requested, params string[] allowed)
    {
        var value = requested ?? "NONE";
        if (!allowed.Contains(value)) throw DynamoDbException.Validation("Return values set to invalid value");
        return value;
    }

    public static void RequireWithinSize(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (ItemSize.Of(item) > ItemSize.MaxItemBytes) throw DynamoDbException.Validation("Item size has exceeded the maximum allowed size");
    }

    public static void Check(Condition? condition, IReadOnlyDictionary<string, AttributeValue>? current)
    {
        if (condition is not null && !Evaluator.Matches(condition, current)) throw DynamoDbException.ConditionalCheckFailed();
    }

    /// <summary>
    /// The frame of PutItem, UpdateItem and DeleteItem: under the table's lock, read the current item
    /// (only when <paramref name="readCurrent"/> or a condition needs it), check the condition, write what
    /// <paramref name="next"/> makes of it (null: delete). Returns the item before and after.
    /// </summary>
    public static (Dictionary<string, AttributeValue>? Before, Dictionary<string, AttributeValue>? After) ConditionalWrite(
        Table table, ItemKey key, Condition? condition, bool readCurrent,
        Func<Dictionary<string, AttributeValue>?, Dictionary<string, AttributeValue>?> next) =>
        Locked(table, () =>
        {
            var read = readCurrent || condition is not null;
            var current = read ? table.Get(key) : null;
            Check(condition, current);
            var after = next(current);
            if (!read || after is not null || current is not null) table.Apply([new Change(key, after)]);
            return (current, after);
        });

    /// <summary>Runs a read-check-write on one key under the table's lock (the table may be deleted meanwhile).</summary>
    public static T Locked<T>(Table table, Func<T> action)
    {
        lock (table.Gate)
        {
            try
            {
                return action();
            }
            catch (ObjectDisposedException)
            {
                throw DynamoDbException.ResourceNotFound("Requested resource not found");
            }
        }
    }
}
