using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Analytics.Bench;

/// <summary>One generated line, typed the way the events table stores it.</summary>
internal sealed class BenchEvent
{
    private static readonly string[] Names =
        ["event_id", "event_name", "user_id", "anonymous_id", "session_id", "event_time", "received_at", "platform", "os_version", "device_model", "app_version", "locale"];

    public readonly string?[] Text = new string?[Names.Length];
    public DateTime EventTime, ReceivedAt;
    public string Properties = "{}";

    public static BenchEvent Parse(ReadOnlySpan<byte> line)
    {
        var e = new BenchEvent();
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldIndex(ref reader);
            if (reader.ValueTextEquals("properties"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                e.Properties = Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
                continue;
            }
            reader.Read();
            if (field < 0) { reader.Skip(); continue; }
            if (field is 5 or 6)
            {
                if (!IsoTimestamp.TryParse(reader.ValueSpan, out var ms)) throw new FormatException($"{Names[field]} '{reader.GetString()}' is not an ISO-8601 UTC timestamp");
                if (field == 5) e.EventTime = DateTime.UnixEpoch.AddMilliseconds(ms);
                else e.ReceivedAt = DateTime.UnixEpoch.AddMilliseconds(ms);
            }
            else e.Text[field] = reader.GetString();
        }
        return e;
    }

    private static int FieldIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i])) return i;
        }
        return -1;
    }
}
