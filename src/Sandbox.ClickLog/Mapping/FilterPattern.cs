using System.Text.Json;
using Sandbox.Kinesis.Model;

namespace Sandbox.ClickLog.Mapping;

/// <summary>
/// One EventBridge-style filter pattern: every key must match; a list of values matches when any
/// value does. Supported: exact values, {"prefix"}, {"anything-but"}, {"exists"}, {"numeric"}.
/// </summary>
public sealed class FilterPattern
{
    private static readonly string[] MetadataFields = ["kinesisSchemaVersion", "partitionKey", "sequenceNumber", "approximateArrivalTimestamp", "data"];
    private readonly JsonElement _root;

    private FilterPattern(string text, JsonElement root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public bool FiltersOnData => _root.TryGetProperty("data", out _);

    /// <summary>
    /// Strings of which the record's data must hold one as a JSON string for this pattern to match:
    /// those of a data leaf that lists plain strings only (no rules); null when no leaf does, or a
    /// string would need escaping in JSON. Lets <see cref="FilterCriteria"/> skip parsing records
    /// that cannot match.
    /// </summary>
    public IReadOnlyList<string>? RequiredDataStrings() =>
        _root.TryGetProperty("data", out var data) ? PlainStringLeaf(data) : null;

    private static IReadOnlyList<string>? PlainStringLeaf(JsonElement node)
    {
        foreach (var field in node.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Object)
            {
                if (PlainStringLeaf(field.Value) is { } nested) return nested;
                continue;
            }
            var values = field.Value.EnumerateArray().ToList();
            if (values.Count > 0 && values.All(v => v.ValueKind == JsonValueKind.String && v.GetRawText() == $"\"{v.GetString()}\""))
                return [.. values.Select(v => v.GetString()!)];
        }
        return null;
    }

    public static FilterPattern Parse(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"filter pattern '{text}' is not JSON: {error.Message}", error);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"filter pattern '{text}' must be a JSON object");
        foreach (var field in root.EnumerateObject())
            if (!MetadataFields.Contains(field.Name))
                throw new ArgumentException($"filter pattern '{text}': '{field.Name}' is not a Kinesis record field ({string.Join(", ", MetadataFields)})");
        Validate(text, root);
        return new FilterPattern(text, root);
    }

    public bool Matches(Record record, JsonElement? data) => _root.EnumerateObject().All(field => field.Name switch
    {
        "data" => data is { } json && MatchesObject(field.Value, json),
        "partitionKey" => MatchesValue(field.Value, JsonSerializer.SerializeToElement(record.PartitionKey)),
        "sequenceNumber" => MatchesValue(field.Value, JsonSerializer.SerializeToElement(record.SequenceNumber)),
        "kinesisSchemaVersion" => MatchesValue(field.Value, JsonSerializer.SerializeToElement("1.0")),
        _ => MatchesValue(field.Value, JsonSerializer.SerializeToElement((record.ApproximateArrivalTimestamp ?? default).ToUnixTimeMilliseconds() / 1000.0)),
    });

    private static bool MatchesObject(JsonElement pattern, JsonElement target) =>
        pattern.EnumerateObject().All(field =>
        {
            var value = default(JsonElement);
            var present = target.ValueKind == JsonValueKind.Object && target.TryGetProperty(field.Name, out value);
            if (field.Value.ValueKind == JsonValueKind.Object)
                return present && MatchesObject(field.Value, value);
            return present ? MatchesValue(field.Value, value) : field.Value.EnumerateArray().Any(IsExistsFalse);
        });

    /// <summary>A pattern value list against an event value (an event array matches when any element does).</summary>
    private static bool MatchesValue(JsonElement values, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array) return value.EnumerateArray().Any(v => MatchesValue(values, v));
        return values.EnumerateArray().Any(rule => rule.ValueKind == JsonValueKind.Object ? MatchesRule(rule, value) : SameScalar(rule, value));
    }

    private static bool MatchesRule(JsonElement rule, JsonElement value)
    {
        var op = rule.EnumerateObject().Single();
        return op.Name switch
        {
            "exists" => op.Value.GetBoolean(),
            "prefix" => value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith(op.Value.GetString()!, StringComparison.Ordinal),
            "anything-but" => op.Value.ValueKind == JsonValueKind.Array
                ? !op.Value.EnumerateArray().Any(v => SameScalar(v, value))
                : !SameScalar(op.Value, value),
            _ => value.ValueKind == JsonValueKind.Number && MatchesNumeric(op.Value, value.GetDouble()),
        };
    }

    private static bool MatchesNumeric(JsonElement comparisons, double number)
    {
        var items = comparisons.EnumerateArray().ToArray();
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            var bound = items[i + 1].GetDouble();
            var holds = items[i].GetString() switch
            {
                "=" => number == bound, ">" => number > bound, ">=" => number >= bound, "<" => number < bound, _ => number <= bound,
            };
            if (!holds) return false;
        }
        return true;
    }

    private static bool SameScalar(JsonElement rule, JsonElement value) => (rule.ValueKind, value.ValueKind) switch
    {
        (JsonValueKind.String, JsonValueKind.String) => rule.GetString() == value.GetString(),
        (JsonValueKind.Number, JsonValueKind.Number) => rule.GetDouble() == value.GetDouble(),
        (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null, _) => rule.ValueKind == value.ValueKind,
        _ => false,
    };

    private static bool IsExistsFalse(JsonElement rule) =>
        rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("exists", out var exists) && exists.ValueKind == JsonValueKind.False;

    /// <summary>Refuses patterns AWS refuses: leaves must be arrays, operators known and well typed.</summary>
    private static void Validate(string text, JsonElement node)
    {
        foreach (var field in node.EnumerateObject())
        {
            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Validate(text, field.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var rule in field.Value.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
                        ValidateRule(text, field.Name, rule);
                    break;
                default:
                    throw new ArgumentException($"filter pattern '{text}': the value of '{field.Name}' must be an array or an object");
            }
        }
    }

    private static void ValidateRule(string text, string field, JsonElement rule)
    {
        var ops = rule.EnumerateObject().ToArray();
        var valid = ops.Length == 1 && ops[0] switch
        {
            { Name: "exists", Value.ValueKind: JsonValueKind.True or JsonValueKind.False } => true,
            { Name: "prefix", Value.ValueKind: JsonValueKind.String } => true,
            { Name: "anything-but" } => true,
            { Name: "numeric", Value.ValueKind: JsonValueKind.Array } op => op.Value.GetArrayLength() % 2 == 0
                && op.Value.EnumerateArray().Select((v, i) => i % 2 == 0
                    ? v.ValueKind == JsonValueKind.String && v.GetString() is "=" or ">" or ">=" or "<" or "<="
                    : v.ValueKind == JsonValueKind.Number).All(ok => ok),
            _ => false,
        };
        if (!valid) throw new ArgumentException($"filter pattern '{text}': rule {rule.GetRawText()} on '{field}' is not one of exists, prefix, anything-but, numeric");
    }
}
