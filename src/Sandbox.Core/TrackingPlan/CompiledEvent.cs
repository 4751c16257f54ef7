using System.Text;
using System.Text.Json;

namespace Sandbox.Core.TrackingPlan;

/// <summary>A planned event's property list, pre-encoded for <see cref="EventValidator"/>.</summary>
internal sealed class CompiledEvent
{
    private const string PropertiesPath = "$.properties";
    private readonly CompiledField[] _properties;

    public CompiledEvent(EventDefinition definition)
    {
        Definition = definition;
        Utf8Name = Encoding.UTF8.GetBytes(definition.Name);
        _properties = definition.Properties.Select(p => new CompiledField(p, PropertiesPath)).ToArray();
        if (_properties.Length > 64) throw new ArgumentException($"{definition.Name}: at most 64 properties are supported");
    }

    public EventDefinition Definition { get; }
    public byte[] Utf8Name { get; }

    public void ValidateProperties(ReadOnlySpan<byte> propertiesObject, List<Violation> violations)
    {
        var reader = new Utf8JsonReader(propertiesObject);
        reader.Read();
        ValidateProperties(ref reader, violations);
    }

    /// <summary>Checks the object whose start the reader is on; leaves the reader on its end.</summary>
    public void ValidateProperties(ref Utf8JsonReader reader, List<Violation> violations)
    {
        ulong seen = 0;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(ref reader, expected);
            expected = index + 1;
            if (index < 0)
            {
                var name = reader.GetString();
                reader.Read();
                reader.Skip();
                violations.Add(new Violation(ViolationType.AdditionalProperty, $"{PropertiesPath}.{name}",
                    $"not a planned property of {Definition.Name}"));
                continue;
            }
            var property = _properties[index];
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                // An explicit null on an optional property means "not set".
                if (property.Definition.Required)
                    violations.Add(new Violation(ViolationType.WrongType, property.Path, $"expected {property.Definition.Type.ToPlanName()}, got null"));
                else continue;
            }
            else if (property.CheckValue(ref reader) is { } problem)
            {
                violations.Add(new Violation(ViolationType.WrongType, property.Path, problem));
            }
            seen |= 1UL << index;
        }
        for (var i = 0; i < _properties.Length; i++)
        {
            if (_properties[i].Definition.Required && (seen & (1UL << i)) == 0)
                violations.Add(new Violation(ViolationType.RequiredPropertyMissing, _properties[i].Path,
                    $"{Definition.Name} requires {_properties[i].Definition.Name} ({_properties[i].Definition.Type.ToPlanName()})"));
        }
    }

    private int Find(ref Utf8JsonReader reader, int expected)
    {
        // Senders usually write the properties in plan order: the one after the previous property is tried first.
        if (expected < _properties.Length && reader.ValueTextEquals(_properties[expected].Utf8Name)) return expected;
        for (var i = 0; i < _properties.Length; i++)
        {
            if (reader.ValueTextEquals(_properties[i].Utf8Name)) return i;
        }
        return -1;
    }
}
