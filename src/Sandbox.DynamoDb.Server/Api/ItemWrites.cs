using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record AttributesResponse(Dictionary<string, AttributeValue>? Attributes);

/// <summary>The members PutItem, UpdateItem and DeleteItem requests share.</summary>
public interface IItemWriteRequest
{
    string? TableName { get; }
    string? ConditionExpression { get; }
    Dictionary<string, string>? ExpressionAttributeNames { get; }
    Dictionary<string, AttributeValue>? ExpressionAttributeValues { get; }
    string? ReturnValues { get; }
    JsonElement? Expected { get; }
    JsonElement? ConditionalOperator { get; }
    JsonElement? ReturnValuesOnConditionCheckFailure { get; }
}

/// <summary>A single-item write understood: its table, its ReturnValues and its ConditionExpression.</summary>
internal sealed record WriteFrame(Table Table, string Returns, Condition? Condition);

/// <summary>What PutItem, UpdateItem and DeleteItem share: conditions, size limit, ReturnValues, legacy members refused.</summary>
internal static class ItemWrites
{
    /// <summary>
    /// Validates what every single-item write has (legacy members refused, ReturnValues among <paramref name="allowedReturns"/>,
    /// the table, the expressions: <paramref name="parseMore"/> parses an operation's own before every name and value must be used).
    /// </summary>
    public static WriteFrame Frame(IItemWriteRequest request, OperationContext context, string[] allowedReturns, Action<ExpressionAttributes>? parseMore = null)
    {
        Unsupported.Refuse(request.Expected, "Expected (use ConditionExpression)");
        Unsupported.Refuse(request.ConditionalOperator, "ConditionalOperator (use ConditionExpression)");
        if (request.ReturnValuesOnConditionCheckFailure is { ValueKind: JsonValueKind.String } onFailure && onFailure.GetString() != "NONE")
            throw DynamoDbException.NotSupported($"ReturnValuesOnConditionCheckFailure {onFailure.GetString()}");
        var returns = request.ReturnValues ?? "NONE";
        if (!allowedReturns.Contains(returns)) throw DynamoDbException.Validation("Return values set to invalid value");
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        var attributes = new ExpressionAttributes(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        parseMore?.Invoke(attributes);
        var condition = request.ConditionExpression is null ? null : ExpressionParser.Condition(request.ConditionExpression, "ConditionExpression", attributes);
        attributes.RequireAllUsed();
        return new WriteFrame(table, returns, condition);
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
