using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>ProjectionExpression: keeps only the named paths (nested maps and list elements as DynamoDB does).</summary>
public static class Projection
{
    public static Dictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item, IReadOnlyList<DocumentPath> paths)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Evaluator.Resolve(item, path) is not { } value) continue;
            if (path.Elements.Count == 1) result[path.TopName] = value;
            else result[path.TopName] = Merge(result.GetValueOrDefault(path.TopName), item[path.TopName], path.Elements, 1, value);
        }
        return result;
    }

    // Builds the projected copy of a nested container; list elements keep their order, compacted.
    private static AttributeValue Merge(AttributeValue? projected, AttributeValue source, IReadOnlyList<object> elements, int at, AttributeValue leaf)
    {
        var child = at == elements.Count - 1 ? null : (elements[at] is string n ? source.Map![n] : source.List![(int)elements[at]]);
        if (source.Type == AttributeType.M)
        {
            var map = projected?.Map is { } m ? new Dictionary<string, AttributeValue>(m, StringComparer.Ordinal) : new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            var name = (string)elements[at];
            map[name] = child is null ? leaf : Merge(map.GetValueOrDefault(name), child, elements, at + 1, leaf);
            return AttributeValue.Of(map);
        }
        var list = projected?.List?.ToList() ?? [];
        list.Add(child is null ? leaf : Merge(null, child, elements, at + 1, leaf));
        return AttributeValue.Of(list);
    }
}
