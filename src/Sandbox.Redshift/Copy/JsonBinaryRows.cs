using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Copy;

/// <summary>
/// FORMAT JSON 'auto' into text, varchar, timestamp(tz) and json(b) columns, the shape Firehose loads:
/// each line is read once from its own bytes and encoded as one PostgreSQL binary COPY tuple (strings
/// are copied, unescaped only when the JSON escaped them; ISO timestamps parsed once; objects go as
/// jsonb as sent). No string per field, and PostgreSQL parses no text. The checks are the text path's
/// (<see cref="FieldEncoder"/>): a line they reject is reported, never sent. One instance per COPY.
/// </summary>
internal sealed class JsonBinaryRows
{
    /// <summary>PostgreSQL binary COPY: signature, flags (no OIDs), header extension length.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    private const byte JsonbVersion = 1;
    // PostgreSQL timestamps count microseconds from 2000-01-01 UTC.
    private const long PostgresEpochUnixMs = 946_684_800_000;
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private enum Kind { Text, Timestamp, Json, Jsonb }

    private readonly IReadOnlyList<TargetColumn> _columns;
    private readonly Kind[] _kinds;
    private readonly byte[][] _names;
    private readonly CopyValueOptions _options;
    private readonly bool _isoTimes;
    private readonly (int Start, int Length)[] _values;
    private byte[] _valueBytes = new byte[1024];
    private int _used;
    private byte[] _row = new byte[1024];

    public JsonBinaryRows(CopyPlan plan)
    {
        _columns = plan.Columns;
        _kinds = _columns.Select(c => KindOf(c)!.Value).ToArray();
        _names = _columns.Select(c => Encoding.UTF8.GetBytes(c.Name)).ToArray();
        _options = plan.ValueOptions;
        _isoTimes = _options.TimeFormat.Equals("auto", StringComparison.OrdinalIgnoreCase);
        _values = new (int, int)[_columns.Count];
    }

    /// <summary>The binary path takes JSON 'auto' (case-sensitive, no JSONPaths) with none of the options that rewrite values, into columns it can encode.</summary>
    public static bool Supports(CopyCommand command, IReadOnlyList<JsonPath>? jsonPaths, IReadOnlyList<TargetColumn> columns) =>
        command.Format == CopyFormat.Json && jsonPaths is null && !command.IgnoreCase && !command.TruncateColumns
        && !command.EmptyAsNull && !command.BlanksAsNull && command.NullAs is null
        && columns.Count > 0 && columns.All(c => KindOf(c) is not null);

    private static Kind? KindOf(TargetColumn column) => column.TypeName switch
    {
        "text" or "varchar" => Kind.Text,
        "timestamptz" or "timestamp" => Kind.Timestamp,
        "json" => Kind.Json,
        "jsonb" => Kind.Jsonb,
        _ => null,
    };

    /// <summary>Encodes one line (valid UTF-8) as a binary COPY tuple into <see cref="Row"/>.</summary>
    /// <returns>null when the row is ready, else why the line is rejected; <paramref name="column"/> is the column at fault (-1: the line).</returns>
    public FieldError? Encode(ReadOnlySpan<byte> line, out int column, out ReadOnlySpan<byte> row)
    {
        row = default;
        column = -1;
        if (UnstorableText.Find(line) is { } unstorable)
            return new FieldError(LoadError.InvalidUtf8, $"String contains invalid or unsupported UTF8 codepoints: {unstorable.Message}");
        _used = 0;
        Array.Fill(_values, (0, -1));
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new FieldError(LoadError.InvalidLine, "Invalid JSONPath format: a JSON object is expected at the top of the record");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = ColumnOf(ref reader);
                reader.Read();
                if (index < 0) { reader.Skip(); continue; }
                if (Value(index, ref reader, line) is { } error) { column = index; return error; }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return new FieldError(LoadError.InvalidLine, "Invalid JSON: extra data after the object");
        }
        catch (JsonException e)
        {
            return new FieldError(LoadError.InvalidLine, $"Invalid JSON: {e.Message}");
        }
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i].Length >= 0 || !_columns[i].NotNull) continue;
            column = i;
            return new FieldError(LoadError.NotNullEmpty, "Missing data for not-null field");
        }
        row = Row();
        return null;
    }

    /// <summary>The field's value as the text path would show it in stl_load_errors.raw_field_value.</summary>
    public string RawValue(int column) =>
        _values[column] is var (start, length) && length > 0 ? Encoding.UTF8.GetString(_valueBytes, start, length) : "";

    private int ColumnOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return IndexOf(reader.ValueSpan);
        if (reader.ValueSpan.Length > 256) return IndexOf(Encoding.UTF8.GetBytes(reader.GetString()!));
        Span<byte> unescaped = stackalloc byte[256];
        return IndexOf(unescaped[..reader.CopyString(unescaped)]);
    }

    private int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _names.Length; i++)
            if (name.SequenceEqual(_names[i])) return i;
        return -1;
    }

    private FieldError? Value(int column, ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null) { _values[column] = (0, -1); return null; }
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var raw = line[start..(int)reader.BytesConsumed];
            return _kinds[column] switch
            {
                Kind.Timestamp => TimestampError(Encoding.UTF8.GetString(raw)),
                Kind.Jsonb => Store(column, raw, jsonb: true),
                _ => Store(column, raw, jsonb: false),
            };
        }
        return _kinds[column] switch
        {
            Kind.Text => Text(column, ref reader),
            Kind.Timestamp => Timestamp(column, ref reader),
            _ => JsonScalar(column, ref reader),
        };
    }

    private FieldError? Text(int column, ref Utf8JsonReader reader)
    {
        CopyScalar(column, ref reader);
        var max = _columns[column].MaxLength;
        if (max < 0) return null;
        var (start, length) = _values[column];
        var characters = Encoding.UTF8.GetCharCount(_valueBytes, start, length);
        return characters <= max ? null
            : new FieldError(LoadError.LengthExceeded, $"String length exceeds DDL length ({characters} > {max})");
    }

    private FieldError? Timestamp(int column, ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        // The common case: ISO 8601 UTC to the millisecond, as Firehose's events carry it.
        if (_isoTimes && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && text.Length <= 24
            && IsoTimestamp.TryParse(text, out var unixMs))
        {
            BinaryPrimitives.WriteInt64BigEndian(Reserve(column, 8), (unixMs - PostgresEpochUnixMs) * 1000);
            return null;
        }
        var value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(text);
        if (string.IsNullOrWhiteSpace(value)) { _values[column] = (0, -1); return null; } // blank is NULL for non-character types
        if (FieldEncoder.Timestamp(value, _options.TimeFormat) is not { } time) return TimestampError(value);
        BinaryPrimitives.WriteInt64BigEndian(Reserve(column, 8), (time - PostgresEpoch).Ticks / 10);
        return null;
    }

    private FieldError TimestampError(string value) =>
        new(LoadError.TimestampFormat, $"Invalid timestamp format or value [{_options.TimeFormat}]: '{(value.Length <= 40 ? value : value[..40] + "...")}'");

    /// <summary>A string into json(b) is its text, which must itself be JSON (as the text path checks); numbers and booleans are JSON.</summary>
    private FieldError? JsonScalar(int column, ref Utf8JsonReader reader)
    {
        var jsonb = _kinds[column] == Kind.Jsonb;
        if (reader.TokenType != JsonTokenType.String) return Store(column, reader.ValueSpan, jsonb);
        var text = reader.GetString()!;
        if (string.IsNullOrWhiteSpace(text)) { _values[column] = (0, -1); return null; }
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return new FieldError(LoadError.InvalidLine, $"Invalid JSON value '{(text.Length <= 40 ? text : text[..40] + "...")}'");
        }
        return Store(column, Encoding.UTF8.GetBytes(text), jsonb);
    }

    private void CopyScalar(int column, ref Utf8JsonReader reader)
    {
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

    private FieldError? Store(int column, ReadOnlySpan<byte> json, bool jsonb)
    {
        var value = Reserve(column, json.Length + (jsonb ? 1 : 0));
        if (jsonb) value[0] = JsonbVersion;
        json.CopyTo(value[(jsonb ? 1 : 0)..]);
        return null;
    }

    private ReadOnlySpan<byte> Row()
    {
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

    private Span<byte> Reserve(int column, int length)
    {
        if (_used + length > _valueBytes.Length) Array.Resize(ref _valueBytes, Math.Max(_used + length, _valueBytes.Length * 2));
        _values[column] = (_used, length);
        _used += length;
        return _valueBytes.AsSpan(_used - length, length);
    }
}
