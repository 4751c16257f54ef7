using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>
/// ExpressionAttributeNames / Values of one request: substitutes #name and :value while parsing and,
/// as DynamoDB does, refuses undefined ones and (after every expression was parsed) unused ones.
/// </summary>
public sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string>? _names;
    private readonly Dictionary<string, AttributeValue>? _values;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal), _usedValues = new(StringComparer.Ordinal);

    public ExpressionAttributes(Dictionary<string, string>? names, Dictionary<string, AttributeValue>? values)
    {
        if (names is { Count: 0 }) throw DynamoDbException.Validation("ExpressionAttributeNames must not be empty");
        if (values is { Count: 0 }) throw DynamoDbException.Validation("ExpressionAttributeValues must not be empty");
        foreach (var name in names?.Keys ?? Enumerable.Empty<string>())
            if (!name.StartsWith('#') || name.Length < 2)
                throw DynamoDbException.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{name}\"");
        foreach (var name in values?.Keys ?? Enumerable.Empty<string>())
            if (!name.StartsWith(':') || name.Length < 2)
                throw DynamoDbException.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{name}\"");
        _names = names;
        _values = values;
    }

    public string Name(string reference)
    {
        if (_names is null || !_names.TryGetValue(reference, out var name))
            throw DynamoDbException.Validation($"An expression attribute name used in the document path is not defined; attribute name: {reference}");
        _usedNames.Add(reference);
        return name;
    }

    public AttributeValue Value(string reference)
    {
        if (_values is null || !_values.TryGetValue(reference, out var value))
            throw DynamoDbException.Validation($"An expression attribute value used in expression is not defined; attribute value: {reference}");
        _usedValues.Add(reference);
        return value;
    }

    /// <summary>Call once every expression of the request was parsed.</summary>
    public void RequireAllUsed()
    {
        var names = _names?.Keys.Where(n => !_usedNames.Contains(n)).ToList() ?? [];
        if (names.Count > 0) throw DynamoDbException.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", names)}}}");
        var values = _values?.Keys.Where(v => !_usedValues.Contains(v)).ToList() ?? [];
        if (values.Count > 0) throw DynamoDbException.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", values)}}}");
    }
}
