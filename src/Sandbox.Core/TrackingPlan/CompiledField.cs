using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Core.TrackingPlan;

/// <summary>A planned field pre-encoded for the validator's allocation-free hot path.</summary>
internal sealed class CompiledField
{
    private readonly byte[][]? _allowedUtf8;

    public CompiledField(PropertyDefinition definition, string parentPath)
    {
        Definition = definition;
        Utf8Name = Encoding.UTF8.GetBytes(definition.Name);
        Path = $"{parentPath}.{definition.Name}";
        _allowedUtf8 = definition.AllowedValues?.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public PropertyDefinition Definition { get; }
    public byte[] Utf8Name { get; }
    public string Path { get; }

    /// <summary>Checks the value under the reader; returns the problem, or null when it fits.</summary>
    public string? CheckValue(ref Utf8JsonReader reader)
    {
        var type = Definition.Type;
        switch (reader.TokenType)
        {
            case JsonTokenType.String when type is PropertyType.String:
                return _allowedUtf8 is null || IsAllowed(ref reader) ? null
                    : $"'{reader.GetString()}' is not one of: {string.Join(", ", Definition.AllowedValues!)}";
            case JsonTokenType.String when type is PropertyType.Timestamp:
                return IsTimestamp(ref reader) ? null
                    : $"'{reader.GetString()}' is not an ISO-8601 UTC timestamp (yyyy-MM-ddTHH:mm:ss.fffZ)";
            case JsonTokenType.Number when type is PropertyType.Number:
                return null;
            case JsonTokenType.Number when type is PropertyType.Integer:
                return reader.TryGetInt64(out _) ? null : "expected integer, got a non-integral number";
            case JsonTokenType.True or JsonTokenType.False when type is PropertyType.Boolean:
                return null;
            case JsonTokenType.StartObject when type is PropertyType.Object:
                reader.Skip();
                return null;
            default:
                var actual = Describe(reader.TokenType);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                return $"expected {type.ToPlanName()}, got {actual}";
        }
    }

    private bool IsAllowed(ref Utf8JsonReader reader)
    {
        foreach (var allowed in _allowedUtf8!)
        {
            if (reader.ValueTextEquals(allowed)) return true;
        }
        return false;
    }

    private static bool IsTimestamp(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence && IsoTimestamp.TryParse(reader.ValueSpan, out _);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        _ => token.ToString(),
    };
}
