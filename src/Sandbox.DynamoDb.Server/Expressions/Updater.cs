using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>
/// Applies UpdateExpression actions: every operand is read from the item as it was before the update
/// (as DynamoDB does), then SET, REMOVE, ADD and DELETE change a copy.
/// </summary>
public static class Updater
{
    public static Dictionary<string, AttributeValue> Apply(UpdateActions actions, IReadOnlyDictionary<string, AttributeValue>? before, Dictionary<string, AttributeValue> key)
    {
        var after = before is null ? new Dictionary<string, AttributeValue>(key, StringComparer.Ordinal) : new Dictionary<string, AttributeValue>(before, StringComparer.Ordinal);
        var sets = actions.Set.Select(s => (s.Path, Value: Evaluate(s.Value, before))).ToList();
        foreach (var (path, value) in sets) Put(after, path, value);
        // Removing list elements from the highest index down keeps the lower indexes meaning what they meant.
        foreach (var path in actions.Remove.OrderByDescending(p => p.Elements[^1] is int i ? i : -1)) Remove(after, path);
        foreach (var (path, value) in actions.Add) Put(after, path, Add(Evaluator.Resolve(before, path), value));
        foreach (var (path, value) in actions.Delete)
        {
            if (DeleteFromSet(Evaluator.Resolve(before, path), value) is { } left) Put(after, path, left);
            else Remove(after, path);
        }
        return after;
    }

    private static AttributeValue Evaluate(Operand operand, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        switch (operand)
        {
            case IfNotExistsOperand f:
                return Evaluator.Resolve(item, f.Path) ?? Evaluate(f.Fallback, item);
            case ListAppendOperand l:
                var first = Evaluate(l.First, item);
                var second = Evaluate(l.Second, item);
                if (first.Type != AttributeType.L || second.Type != AttributeType.L)
                    throw OperandType("list_append", first.Type != AttributeType.L ? first : second);
                return AttributeValue.Of([.. first.List!, .. second.List!]);
            case ArithmeticOperand a:
                var left = Evaluate(a.Left, item);
                var right = Evaluate(a.Right, item);
                if (left.Type != AttributeType.N || right.Type != AttributeType.N)
                    throw OperandType(a.Operator.ToString(), left.Type != AttributeType.N ? left : right);
                return AttributeValue.Number(a.Operator == '+' ? Numbers.Add(left.Text!, right.Text!) : Numbers.Subtract(left.Text!, right.Text!));
            case PathOperand p:
                return Evaluator.Resolve(item, p.Path)
                    ?? throw DynamoDbException.Validation("The provided expression refers to an attribute that does not exist in the item");
            default:
                return Evaluator.Value(operand, item) ?? throw DynamoDbException.Validation("The provided expression refers to an attribute that does not exist in the item");
        }
    }

    private static AttributeValue Add(AttributeValue? current, AttributeValue value)
    {
        if (value.Type is not (AttributeType.N or AttributeType.SS or AttributeType.NS or AttributeType.BS)) throw OperandType("ADD", value);
        if (current is null) return value;
        if (current.Type != value.Type) throw DynamoDbException.Validation($"An operand in the update expression has an incorrect data type");
        return value.Type switch
        {
            AttributeType.N => AttributeValue.Number(Numbers.Add(current.Text!, value.Text!)),
            AttributeType.SS => AttributeValue.StringSet([.. current.Texts!.Union(value.Texts!, StringComparer.Ordinal)]),
            AttributeType.NS => AttributeValue.NumberSet([.. current.Texts!, .. value.Texts!.Where(n => !current.Texts!.Any(c => Numbers.Compare(c, n) == 0))]),
            _ => AttributeValue.BinarySet([.. current.Binaries!, .. value.Binaries!.Where(b => !current.Binaries!.Any(c => c.AsSpan().SequenceEqual(b)))]),
        };
    }

    private static AttributeValue? DeleteFromSet(AttributeValue? current, AttributeValue value)
    {
        if (!value.IsSet) throw OperandType("DELETE", value);
        if (current is null) return null;
        if (current.Type != value.Type) throw DynamoDbException.Validation("An operand in the update expression has an incorrect data type");
        AttributeValue? result = value.Type switch
        {
            AttributeType.SS => current.Texts!.Except(value.Texts!, StringComparer.Ordinal).ToList() is { Count: > 0 } s ? AttributeValue.StringSet(s) : null,
            AttributeType.NS => current.Texts!.Where(c => !value.Texts!.Any(n => Numbers.Compare(c, n) == 0)).ToList() is { Count: > 0 } n ? AttributeValue.NumberSet(n) : null,
            _ => current.Binaries!.Where(c => !value.Binaries!.Any(b => c.AsSpan().SequenceEqual(b))).ToList() is { Count: > 0 } b ? AttributeValue.BinarySet(b) : null,
        };
        return result;
    }

    private static DynamoDbException OperandType(string op, AttributeValue value) =>
        DynamoDbException.Validation($"Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: {op}, operand type: {value.Type}");

    private static DynamoDbException InvalidPath() =>
        DynamoDbException.Validation("The document path provided in the update expression is invalid for update");

    private static void Put(Dictionary<string, AttributeValue> item, DocumentPath path, AttributeValue value)
    {
        if (path.Elements.Count == 1)
        {
            item[path.TopName] = value;
            return;
        }
        item[path.TopName] = Replace(item.GetValueOrDefault(path.TopName) ?? throw InvalidPath(), path.Elements, 1, value);
    }

    private static AttributeValue Replace(AttributeValue container, IReadOnlyList<object> elements, int at, AttributeValue? value)
    {
        var last = at == elements.Count - 1;
        switch (elements[at])
        {
            case string name when container.Type == AttributeType.M:
                var map = new Dictionary<string, AttributeValue>(container.Map!, StringComparer.Ordinal);
                if (last)
                {
                    if (value is null) map.Remove(name);
                    else map[name] = value;
                }
                else map[name] = Replace(map.GetValueOrDefault(name) ?? throw InvalidPath(), elements, at + 1, value);
                return AttributeValue.Of(map);
            case int index when container.Type == AttributeType.L:
                var list = container.List!.ToList();
                if (last)
                {
                    if (value is null) { if (index < list.Count) list.RemoveAt(index); }
                    else if (index < list.Count) list[index] = value;
                    else list.Add(value);
                }
                else list[index < list.Count ? index : throw InvalidPath()] = Replace(list[index], elements, at + 1, value);
                return AttributeValue.Of(list);
            default:
                throw InvalidPath();
        }
    }

    private static void Remove(Dictionary<string, AttributeValue> item, DocumentPath path)
    {
        if (path.Elements.Count == 1) item.Remove(path.TopName);
        else if (item.TryGetValue(path.TopName, out var top)) item[path.TopName] = Replace(top, path.Elements, 1, null);
    }
}
