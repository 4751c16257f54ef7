using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Warehouse.Loading;

/// <summary>The envelope of one event line, typed as the events table stores it.</summary>
internal struct EventRow
{
    public string? EventId, EventName, UserId, AnonymousId, SessionId, Platform, OsVersion, DeviceModel, AppVersion, Locale;
    public DateTime EventTime, ReceivedAt;
    public string Properties;

    private static readonly byte[][] FieldNames =
    [
        .. new[]
        {
            EnvelopeFields.EventId, EnvelopeFields.EventName, EnvelopeFields.UserId, EnvelopeFields.AnonymousId,
            EnvelopeFields.SessionId, EnvelopeFields.EventTime, EnvelopeFields.ReceivedAt, EnvelopeFields.Platform,
            EnvelopeFields.OsVersion, EnvelopeFields.DeviceModel, EnvelopeFields.AppVersion, EnvelopeFields.Locale,
            EnvelopeFields.Properties,
        }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>Reads a line the tracking plan already accepted (so types are known to be right).</summary>
    public static EventRow Parse(ReadOnlySpan<byte> validatedLine)
    {
        var row = new EventRow { Properties = "{}" };
        var reader = new Utf8JsonReader(validatedLine);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldIndex(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            switch (field)
            {
                case 0: row.EventId = reader.GetString(); break;
                case 1: row.EventName = reader.GetString(); break;
                case 2: row.UserId = reader.GetString(); break;
                case 3: row.AnonymousId = reader.GetString(); break;
                case 4: row.SessionId = reader.GetString(); break;
                case 5: row.EventTime = Timestamp(ref reader); break;
                case 6: row.ReceivedAt = Timestamp(ref reader); break;
                case 7: row.Platform = reader.GetString(); break;
                case 8: row.OsVersion = reader.GetString(); break;
                case 9: row.DeviceModel = reader.GetString(); break;
                case 10: row.AppVersion = reader.GetString(); break;
                case 11: row.Locale = reader.GetString(); break;
                case 12:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    row.Properties = Encoding.UTF8.GetString(validatedLine[start..(int)reader.BytesConsumed]);
                    break;
                default: reader.Skip(); break;
            }
        }
        return row;
    }

    private static int FieldIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (reader.ValueTextEquals(FieldNames[i])) return i;
        }
        return -1;
    }

    private static DateTime Timestamp(ref Utf8JsonReader reader) =>
        IsoTimestamp.TryParse(reader.ValueSpan, out var ms)
            ? DateTime.UnixEpoch.AddMilliseconds(ms)
            : throw new FormatException($"'{reader.GetString()}' passed the tracking plan but is not an ISO-8601 UTC timestamp");
}
