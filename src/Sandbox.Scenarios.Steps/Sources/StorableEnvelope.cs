using System.Globalization;
using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Scenarios.Steps.Sources;

/// <summary>
/// Whether the warehouse's COPY (FORMAT JSON 'auto' into events) can store a line, whatever the tracking
/// plan says of it: a JSON object with event_id and event_name, event_time and received_at that read as
/// timestamps, a properties object, and no text PostgreSQL cannot hold. Such a line is an event in the
/// warehouse; any other goes to bad_events.
/// </summary>
public static class StorableEnvelope
{
    public static bool Check(string line)
    {
        if (UnstorableText.Find(Encoding.UTF8.GetBytes(line)) is not null) return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && IsText(root, EnvelopeFields.EventId) && IsText(root, EnvelopeFields.EventName)
                && IsTime(root, EnvelopeFields.EventTime) && IsTime(root, EnvelopeFields.ReceivedAt)
                && root.TryGetProperty(EnvelopeFields.Properties, out var properties) && properties.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A number or boolean is loaded as its text into a text column, as Redshift does.
    private static bool IsText(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static bool IsTime(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
