using System.Globalization;
using System.Text;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>Evaluates conditions and operands against an item (an absent item is an empty one).</summary>
public static class Evaluator
{
    public static AttributeValue? Resolve(IReadOnlyDictionary<string, AttributeValue>? item, DocumentPath path)
    {
        if (item is null || !item.TryGetValue(path.TopName, out var value)) return null;
        for (var i = 1; i < path.Elements.Count; i++)
        {
            value = path.Elements[i] switch
            {
                string name when value.Type == AttributeType.M => value.Map!.GetValueOrDefault(name),
                int index when value.Type == AttributeType.L => index < value.List!.Count ? value.List[index] : null,
                _ => null,
            };
            if (value is null) return null;
        }
        return value;
    }

    public static bool Matches(Condition condition, IReadOnlyDictionary<string, AttributeValue>? item) => condition switch
    {
        And and => Matches(and.Left, item) && Matches(and.Right, item),
        Or or => Matches(or.Left, item) || Matches(or.Right, item),
        Not not => !Matches(not.Inner, item),
        Comparison c => Compare(Value(c.Left, item), c.Operator, Value(c.Right, item)),
        Between b => Value(b.Value, item) is { } v && Compare(v, ">=", Value(b.Lower, item)) && Compare(v, "<=", Value(b.Upper, item)),
        In @in => Value(@in.Value, item) is { } v && @in.Candidates.Any(c => Value(c, item) is { } candidate && v.ValueEquals(candidate)),
        FunctionCall f => Call(f, item),
        _ => throw new InvalidOperationException($"unknown condition {condition}"),
    };

    public static AttributeValue? Value(Operand operand, IReadOnlyDictionary<string, AttributeValue>? item) => operand switch
    {
        ValueOperand v => v.Value,
        PathOperand p => Resolve(item, p.Path),
        SizeOperand s => Resolve(item, s.Path) is { } value && SizeOf(value) is { } size ? AttributeValue.Number(size.ToString(CultureInfo.InvariantCulture)) : null,
        _ => throw DynamoDbException.Validation($"Invalid expression: {operand.GetType().Name.Replace("Operand", "")} can only be used in an UpdateExpression SET action"),
    };

    public static bool Compare(AttributeValue? left, string op, AttributeValue? right)
    {
        if (left is null || right is null) return op == "<>";
        return op switch
        {
            "=" => left.ValueEquals(right),
            "<>" => !left.ValueEquals(right),
            _ when left.Type != right.Type || !left.IsScalarKeyType => false,
            "<" => AttributeValue.CompareScalars(left, right) < 0,
            "<=" => AttributeValue.CompareScalars(left, right) <= 0,
            ">" => AttributeValue.CompareScalars(left, right) > 0,
            _ => AttributeValue.CompareScalars(left, right) >= 0,
        };
    }

    private static bool Call(FunctionCall call, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var target = Value(call.Arguments[0], item);
        switch (call.Name)
        {
            case "attribute_exists": return target is not null;
            case "attribute_not_exists": return target is null;
        }
        var argument = Value(call.Arguments[1], item);
        if (target is null || argument is null) return false;
        switch (call.Name)
        {
            case "attribute_type":
                if (argument.Type != AttributeType.S || !Enum.TryParse<AttributeType>(argument.Text, out var type) || argument.Text != type.ToString())
                    throw DynamoDbException.Validation($"Invalid ConditionExpression: Invalid attribute type name found; type: {argument.Text}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
                return target.Type == type;
            case "begins_with":
                return (target.Type, argument.Type) switch
                {
                    (AttributeType.S, AttributeType.S) => target.Text!.StartsWith(argument.Text!, StringComparison.Ordinal),
                    (AttributeType.B, AttributeType.B) => target.Binary!.AsSpan().StartsWith(argument.Binary),
                    _ => false,
                };
            default: // contains
                return target.Type switch
                {
                    AttributeType.S => argument.Type == AttributeType.S && target.Text!.Contains(argument.Text!, StringComparison.Ordinal),
                    AttributeType.SS => argument.Type == AttributeType.S && target.Texts!.Contains(argument.Text!),
                    AttributeType.NS => argument.Type == AttributeType.N && target.Texts!.Any(n => Numbers.Compare(n, argument.Text!) == 0),
                    AttributeType.BS => argument.Type == AttributeType.B && target.Binaries!.Any(b => b.AsSpan().SequenceEqual(argument.Binary)),
                    AttributeType.L => target.List!.Any(member => member.ValueEquals(argument)),
                    _ => false,
                };
        }
    }

    private static int? SizeOf(AttributeValue value) => value.Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(value.Text!),
        AttributeType.B => value.Binary!.Length,
        AttributeType.SS or AttributeType.NS => value.Texts!.Count,
        AttributeType.BS => value.Binaries!.Count,
        AttributeType.L => value.List!.Count,
        AttributeType.M => value.Map!.Count,
        _ => null,
    };
}
