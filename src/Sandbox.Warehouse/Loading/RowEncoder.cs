using System.Buffers.Binary;
using System.Text.Json;
using Sandbox.Core.Events;
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
    private const byte JsonbVersion = 1;
    // PostgreSQL timestamps count microseconds from 2000-01-01 UTC.
    private const long PostgresEpochUnixMs = 946_684_800_000;
    private static readonly byte[] EmptyObject = [JsonbVersion, (byte)'{', (byte)'}'];

    private readonly int[] _columnOfField;
    private readonly (int Start, int Length)[] _values = new (int, int)[ColumnFields.Length];
    private byte[] _valueBytes = new byte[1024];
    private int _used;
    private byte[] _row = new byte[1024];

    public RowEncoder(TrackingPlan plan) =>
        _columnOfField = plan.Envelope.Select(field => Array.IndexOf(ColumnFields, field.Name)).ToArray();

    /// <summary>Forgets the previous line's values (absent fields are NULL, absent properties '{}').</summary>
    public void Begin()
    {
        _used = 0;
        Array.Fill(_values, (0, -1));
    }

    /// <summary>The event_id of the current line, unescaped UTF-8; valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> EventId => Value(EventIdColumn);

    public void Value(int envelopeField, ref Utf8JsonReader reader)
    {
        var column = _columnOfField[envelopeField];
        if (column < 0 || column == PropertiesColumn) return;
        if (column is EventTimeColumn or ReceivedAtColumn)
        {
            // The plan checked these as ISO-8601 UTC timestamps (unescaped, so ValueSpan is the text).
            if (!IsoTimestamp.TryParse(reader.ValueSpan, out var unixMs))
                throw new FormatException($"'{reader.GetString()}' passed the tracking plan but is not an ISO-8601 UTC timestamp");
            BinaryPrimitives.WriteInt64BigEndian(Reserve(column, 8), (unixMs - PostgresEpochUnixMs) * 1000);
            return;
        }
        var text = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || !reader.ValueIsEscaped)
        {
            text.CopyTo(Reserve(column, text.Length));
            return;
        }
        // Unescaping never makes a string longer than its escaped form.
        var written = reader.CopyString(Reserve(column, text.Length));
        _values[column].Length = written;
        _used -= text.Length - written;
    }

    public void Object(int envelopeField, ReadOnlySpan<byte> json)
    {
        if (_columnOfField[envelopeField] != PropertiesColumn) return;
        var value = Reserve(PropertiesColumn, json.Length + 1);
        value[0] = JsonbVersion;
        json.CopyTo(value[1..]);
    }

    /// <summary>The current line as one binary COPY tuple; valid until the next call.</summary>
    public ReadOnlySpan<byte> Row()
    {
        if (_values[PropertiesColumn].Length < 0) EmptyObject.CopyTo(Reserve(PropertiesColumn, EmptyObject.Length));
        var size = 2 + 4 * _values.Length + _used;
        if (_row.Length < size) _row = new byte[Math.Max(size, _row.Length * 2)];
        var row = _row.AsSpan();
        BinaryPrimitives.WriteInt16BigEndian(row, (short)_values.Length);
        var at = 2;
        foreach (var (start, length) in _values)
        {
            BinaryPrimitives.WriteInt32BigEndian(row[at..], length);
            at += 4;
            if (length <= 0) continue;
            _valueBytes.AsSpan(start, length).CopyTo(row[at..]);
            at += length;
        }
        return row[..at];
    }

    private ReadOnlySpan<byte> Value(int column) =>
        _values[column] is var (start, length) && length >= 0 ? _valueBytes.AsSpan(start, length) : default;

    private Span<byte> Reserve(int column, int length)
    {
        if (_used + length > _valueBytes.Length) Array.Resize(ref _valueBytes, Math.Max(_used + length, _valueBytes.Length * 2));
        _values[column] = (_used, length);
        _used += length;
        return _valueBytes.AsSpan(_used - length, length);
    }
}
