using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

/// <summary>
/// A KeyConditionExpression understood: partition = value, and at most one condition on the sort key
/// (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN, begins_with). Anything else is DynamoDB's ValidationException.
/// </summary>
internal sealed class KeyRange
{
    private KeyRange(AttributeValue partition, Condition? sortCondition, AttributeValue? lower, AttributeValue? upper)
    {
        Partition = partition;
        _sortCondition = sortCondition;
        _lower = lower;
        _upper = upper;
    }

    private readonly Condition? _sortCondition;
    private readonly AttributeValue? _lower, _upper;
    private string? _sortName;

    public AttributeValue Partition { get; }

    public static KeyRange Of(Condition condition, TableSchema schema)
    {
        var parts = condition is And and ? new[] { and.Left, and.Right } : [condition];
        if (parts.Any(p => p is And or Or or Not)) throw Unsupported("only AND of at most two key conditions is allowed");
        AttributeValue? partition = null;
        Condition? sort = null;
        AttributeValue? lower = null, upper = null;
        foreach (var part in parts)
        {
            var (name, values) = Decompose(part);
            if (name == schema.Hash.Name)
            {
                if (part is not Comparison { Operator: "=" } || partition is not null) throw Unsupported($"the partition key {name} needs exactly one '=' condition");
                partition = Typed(values[0], schema.Hash);
            }
            else if (name == schema.Range?.Name)
            {
                if (sort is not null) throw Unsupported($"at most one condition on the sort key {name}");
                foreach (var value in values) Typed(value, schema.Range);
                sort = part;
                (lower, upper) = part switch
                {
                    Comparison { Operator: "=" } => (values[0], values[0]),
                    Comparison { Operator: ">" or ">=" } => (values[0], null),
                    Comparison { Operator: "<" or "<=" } => (null, values[0]),
                    Between => (values[0], values[1]),
                    FunctionCall { Name: "begins_with" } => (values[0], null),
                    _ => throw Unsupported($"operator not allowed on the sort key {name}"),
                };
                if (part is Between && AttributeValue.CompareScalars(values[0], values[1]) > 0)
                    throw DynamoDbException.Validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
            }
            else throw DynamoDbException.Validation($"Query condition missed key schema element: {schema.Hash.Name} (the condition names {name}, not a key attribute)");
        }
        if (partition is null) throw DynamoDbException.Validation($"Query condition missed key schema element: {schema.Hash.Name}");
        return new KeyRange(partition, sort, lower, upper) { _sortName = schema.Range?.Name };
    }

    /// <summary>Inclusive walking bounds: the sort range (or the whole partition), started at ExclusiveStartKey.</summary>
    public (ItemKey From, ItemKey To) Bounds(ItemKey? start, bool descending)
    {
        var from = _lower is null ? new ItemKey(Partition, null, -1) : new ItemKey(Partition, _lower);
        var to = _upper is null ? new ItemKey(Partition, null, 1) : new ItemKey(Partition, _upper);
        if (start is { } s)
        {
            if (descending) to = ItemKeyComparer.Instance.Compare(s, to) < 0 ? s : to;
            else from = ItemKeyComparer.Instance.Compare(s, from) > 0 ? s : from;
        }
        return (from, to);
    }

    public bool Matches(ItemKey key) =>
        _sortCondition is null || Evaluator.Matches(_sortCondition, new Dictionary<string, AttributeValue>(1) { [_sortName!] = key.Range! });

    private static (string Name, AttributeValue[] Values) Decompose(Condition part)
    {
        (Operand Target, Operand[] Values) shape = part switch
        {
            Comparison c => (c.Left, [c.Right]),
            Between b => (b.Value, [b.Lower, b.Upper]),
            FunctionCall { Name: "begins_with" } f => (f.Arguments[0], [f.Arguments[1]]),
            _ => throw Unsupported($"{part.GetType().Name} is not a key condition"),
        };
        if (shape.Target is not PathOperand { Path.Elements.Count: 1 } path || shape.Values.Any(v => v is not ValueOperand))
            throw Unsupported("a key condition compares a key attribute with :values");
        return (path.Path.TopName, [.. shape.Values.Select(v => ((ValueOperand)v).Value)]);
    }

    private static AttributeValue Typed(AttributeValue value, KeyAttribute key) =>
        value.Type == key.Type ? value : throw DynamoDbException.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");

    private static DynamoDbException Unsupported(string why) => DynamoDbException.Validation($"Query key condition not supported: {why}");
}
