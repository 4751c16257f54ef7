using System.Text;
using System.Text.Json;

namespace Sandbox.Core.TrackingPlan;

/// <summary>
/// Checks one JSON event line against the tracking plan in a single forward pass over the
/// UTF-8 bytes (no DOM, no allocation for a valid event). Thread-safe; build one per plan and share it.
/// </summary>
public sealed class EventValidator
{
    private const string PropertiesField = "properties";
    private const string EventNameField = "event_name";

    private readonly CompiledField[] _envelope;
    private readonly CompiledEvent[] _events;
    private readonly int _propertiesIndex;
    private readonly int _eventNameIndex;
    private readonly int _userIdIndex;
    private readonly int _anonymousIdIndex;

    public EventValidator(TrackingPlan plan)
    {
        Plan = plan;
        _envelope = plan.Envelope.Select(f => new CompiledField(f, "$")).ToArray();
        if (_envelope.Length > 64) throw new ArgumentException("at most 64 envelope fields are supported", nameof(plan));
        _events = plan.Events.Select(e => new CompiledEvent(e)).ToArray();
        _propertiesIndex = IndexOf(PropertiesField);
        _eventNameIndex = IndexOf(EventNameField);
        _userIdIndex = IndexOf("user_id");
        _anonymousIdIndex = IndexOf("anonymous_id");
    }

    public TrackingPlan Plan { get; }

    /// <summary>Returns the violations of one event line; empty when it follows the plan.</summary>
    public IReadOnlyList<Violation> Validate(ReadOnlySpan<byte> utf8Json)
    {
        var violations = new List<Violation>();
        Validate(utf8Json, violations);
        return violations;
    }

    public IReadOnlyList<Violation> Validate(string json) => Validate(Encoding.UTF8.GetBytes(json));

    /// <summary>Appends violations to <paramref name="violations"/>; returns true when there were none.</summary>
    public bool Validate(ReadOnlySpan<byte> utf8Json, List<Violation> violations) => Validate(utf8Json, violations, null);

    /// <summary>
    /// As <see cref="Validate(ReadOnlySpan{byte}, List{Violation})"/>, and in the same pass hands each envelope
    /// value that passed its check to <paramref name="fields"/> (see <see cref="IEnvelopeFieldSink"/>).
    /// </summary>
    public bool Validate(ReadOnlySpan<byte> utf8Json, List<Violation> violations, IEnvelopeFieldSink? fields)
    {
        var before = violations.Count;
        try
        {
            ValidateEnvelope(utf8Json, violations, fields);
        }
        catch (JsonException e)
        {
            // A line that does not parse has no other meaningful findings.
            violations.RemoveRange(before, violations.Count - before);
            violations.Add(new Violation(ViolationType.MalformedJson, "$",
                $"not valid JSON at byte {e.BytePositionInLine}: {FirstSentence(e.Message)}"));
        }
        catch (InvalidOperationException e) when (e.TargetSite?.DeclaringType?.Assembly == typeof(JsonException).Assembly)
        {
            // The grammar allows "\ud83d" alone; decoding it to text does not (half a surrogate pair).
            violations.RemoveRange(before, violations.Count - before);
            violations.Add(new Violation(ViolationType.MalformedJson, "$", $"a string cannot be decoded: {FirstSentence(e.Message)}"));
        }
        return violations.Count == before;
    }

    private void ValidateEnvelope(ReadOnlySpan<byte> json, List<Violation> violations, IEnvelopeFieldSink? fields)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read()) throw new JsonException("empty input");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            EnsureEnd(ref reader);
            violations.Add(new Violation(ViolationType.BadEnvelope, "$", "an event must be a JSON object"));
            return;
        }

        ulong seen = 0;
        CompiledEvent? planned = null;
        string? unplannedName = null;
        var propertiesStart = -1;
        var propertiesEnd = -1;
        // Properties checked in the envelope's own pass (when event_name came first): by which event, from
        // which offset, and where their violations sit in the list.
        CompiledEvent? checkedInline = null;
        int inlineStart = -1, inlineFrom = 0, inlineTo = 0;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = FindEnvelopeField(ref reader, expected);
            expected = index + 1;
            if (index < 0)
            {
                var name = reader.GetString();
                reader.Read();
                reader.Skip();
                violations.Add(new Violation(ViolationType.BadEnvelope, $"$.{name}", "not an envelope field of the tracking plan"));
                continue;
            }
            var field = _envelope[index];
            reader.Read();
            seen |= 1UL << index;
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (field.Definition.Required)
                    violations.Add(new Violation(ViolationType.BadEnvelope, field.Path, "required envelope field is null"));
                else seen &= ~(1UL << index);
                continue;
            }
            if (index == _propertiesIndex && reader.TokenType == JsonTokenType.StartObject)
            {
                propertiesStart = (int)reader.TokenStartIndex;
                if (planned is not null && checkedInline is null)
                {
                    (checkedInline, inlineStart, inlineFrom) = (planned, propertiesStart, violations.Count);
                    planned.ValidateProperties(ref reader, violations);
                    inlineTo = violations.Count;
                }
                else reader.Skip();
                propertiesEnd = (int)reader.BytesConsumed;
                fields?.Object(index, json[propertiesStart..propertiesEnd]);
                continue;
            }
            var valueStart = (int)reader.TokenStartIndex;
            if (field.CheckValue(ref reader) is { } problem)
            {
                violations.Add(new Violation(ViolationType.BadEnvelope, field.Path, problem));
                continue;
            }
            if (fields is not null)
            {
                // CheckValue skips an object value, leaving the reader on its end.
                if (reader.TokenType == JsonTokenType.EndObject) fields.Object(index, json[valueStart..(int)reader.BytesConsumed]);
                else fields.Value(index, ref reader);
            }
            if (index == _eventNameIndex)
            {
                planned = FindEvent(ref reader);
                if (planned is null) unplannedName = reader.GetString();
            }
        }
        EnsureEnd(ref reader);

        for (var i = 0; i < _envelope.Length; i++)
        {
            if (_envelope[i].Definition.Required && (seen & (1UL << i)) == 0 && !violations.Exists(v => v.Path == _envelope[i].Path))
                violations.Add(new Violation(ViolationType.BadEnvelope, _envelope[i].Path, "required envelope field is missing"));
        }
        if (_userIdIndex >= 0 && _anonymousIdIndex >= 0 && (seen & (1UL << _userIdIndex | 1UL << _anonymousIdIndex)) == 0
            && !violations.Exists(v => v.Path == _envelope[_anonymousIdIndex].Path))
            violations.Add(new Violation(ViolationType.BadEnvelope, "$", "neither user_id nor anonymous_id is set"));

        // Property violations come last. Inline results stand only if they are what checking the final
        // event_name's properties would give (a repeated key can change either); otherwise check again.
        var inlineStands = checkedInline is not null && checkedInline == planned && unplannedName is null && inlineStart == propertiesStart;
        if (checkedInline is not null) MoveToEnd(violations, inlineFrom, inlineTo - inlineFrom, keep: inlineStands);
        if (unplannedName is not null)
            violations.Add(new Violation(ViolationType.UnplannedEvent, "$.event_name", $"'{unplannedName}' is not in tracking plan {Plan.Version}"));
        else if (planned is not null && propertiesStart >= 0 && !inlineStands)
            planned.ValidateProperties(json[propertiesStart..propertiesEnd], violations);
    }

    private static void MoveToEnd(List<Violation> violations, int from, int count, bool keep)
    {
        if (count == 0 || (keep && from + count == violations.Count)) return;
        var moved = violations.GetRange(from, count);
        violations.RemoveRange(from, count);
        if (keep) violations.AddRange(moved);
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // Reading past the top-level value makes the reader throw on trailing garbage.
        if (reader.Read()) throw new JsonException("unexpected content after the event object");
    }

    private int FindEnvelopeField(ref Utf8JsonReader reader, int expected)
    {
        // Senders usually write the fields in plan order: the one after the previous field is tried first.
        if (expected < _envelope.Length && reader.ValueTextEquals(_envelope[expected].Utf8Name)) return expected;
        for (var i = 0; i < _envelope.Length; i++)
        {
            if (reader.ValueTextEquals(_envelope[i].Utf8Name)) return i;
        }
        return -1;
    }

    private CompiledEvent? FindEvent(ref Utf8JsonReader reader)
    {
        foreach (var candidate in _events)
        {
            if (reader.ValueTextEquals(candidate.Utf8Name)) return candidate;
        }
        return null;
    }

    private int IndexOf(string name) => Array.FindIndex(_envelope, f => f.Definition.Name == name);

    private static string FirstSentence(string message) =>
        message.IndexOf(". ", StringComparison.Ordinal) is var dot and > 0 ? message[..dot] : message;
}
