using System.Text.Json;
using Sandbox.Core.Events;
using Sandbox.Core.IO;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// Turns the envelope values the validator hands over (<see cref="IEnvelopeFieldSink"/>) into one row
/// of PostgreSQL binary COPY: text columns are the line's own UTF-8 bytes (unescaped only when the
/// JSON escaped them), timestamps are parsed once, properties go as jsonb (version byte + the JSON as
/// sent). One instance per reading thread: it reuses its buffers for every line.
/// </summary>
internal sealed class RowEncoder : IEnvelopeFieldSink
{
    /// <summary>The COPY column list, in the order <see cref="Row"/> encodes them.</summary>
    public const string Columns =
        "event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties";

    private static readonly string[] ColumnFields =
    [
        EnvelopeFields.EventId, EnvelopeFields.EventName, EnvelopeFields.UserId, EnvelopeFields.AnonymousId,
        EnvelopeFields.SessionId, EnvelopeFields.EventTime, EnvelopeFields.ReceivedAt, EnvelopeFields.Platform,
        EnvelopeFields.OsVersion, EnvelopeFields.DeviceModel, EnvelopeFields.AppVersion, EnvelopeFields.Locale,
        EnvelopeFields.Properties,
    ];

    private const int EventIdColumn = 0;
    private const int EventTimeColumn = 5;
    private const int ReceivedAtColumn = 6;
    private const int PropertiesColumn = 12;
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly int[] _columnOfField;
    private readonly BinaryCopyRow _row = new(ColumnFields.Length);

    public RowEncoder(TrackingPlan plan) =>
        _columnOfField = plan.Envelope.Select(field => Array.IndexOf(ColumnFields, field.Name)).ToArray();

    /// <summary>Forgets the previous line's values (absent fields are NULL, absent properties '{}').</summary>
    public void Begin() => _row.Begin();

    /// <summary>The event_id of the current line, unescaped UTF-8; valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> EventId => _row.Value(EventIdColumn);

    public void Value(int envelopeField, ref Utf8JsonReader reader)
    {
        var column = _columnOfField[envelopeField];
        if (column < 0 || column == PropertiesColumn) return;
        if (column is EventTimeColumn or ReceivedAtColumn)
        {
            // The plan checked these as ISO-8601 UTC timestamps (unescaped, so ValueSpan is the text).
            if (!IsoTimestamp.TryParse(reader.ValueSpan, out var unixMs))
                throw new FormatException($"'{reader.GetString()}' passed the tracking plan but is not an ISO-8601 UTC timestamp");
            _row.SetTimestamp(column, unixMs);
            return;
        }
        _row.SetJsonScalar(column, ref reader);
    }

    public void Object(int envelopeField, ReadOnlySpan<byte> json)
    {
        if (_columnOfField[envelopeField] == PropertiesColumn) _row.SetJsonb(PropertiesColumn, json);
    }

    /// <summary>The current line as one binary COPY tuple; valid until the next call.</summary>
    public ReadOnlySpan<byte> Row()
    {
        if (_row.IsNull(PropertiesColumn)) _row.SetJsonb(PropertiesColumn, EmptyObject);
        return _row.Row();
    }
}
