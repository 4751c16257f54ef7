using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;
using Sandbox.Core.IO;
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
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private enum Kind { Text, Timestamp, Json, Jsonb }

    private readonly IReadOnlyList<TargetColumn> _columns;
    private readonly Kind[] _kinds;
    private readonly byte[][] _names;
    private readonly CopyValueOptions _options;
    private readonly bool _isoTimes;
    private readonly BinaryCopyRow _row;
    private readonly byte[]?[] _missingValues;

    public JsonBinaryRows(CopyPlan plan)
    {
        _columns = plan.Columns;
        _kinds = _columns.Select(c => KindOf(c)!.Value).ToArray();
        _names = _columns.Select(c => Encoding.UTF8.GetBytes(c.Name)).ToArray();
        _options = plan.ValueOptions;
        _isoTimes = _options.TimeFormat.Equals("auto", StringComparison.OrdinalIgnoreCase);
        _row = new BinaryCopyRow(_columns.Count);
        _missingValues = _columns.Select((_, i) => plan.MissingJsonValue(i) is { } value ? Encoding.UTF8.GetBytes(value) : null).ToArray();
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

    /// <summary>Encodes one line (valid UTF-8) as a binary COPY tuple, handed out in <paramref name="row"/> (valid until the next call).</summary>
    /// <returns>null when the row is ready, else why the line is rejected; <paramref name="column"/> is the column at fault (-1: the line).</returns>
    public FieldError? Encode(ReadOnlySpan<byte> line, out int column, out ReadOnlySpan<byte> row)
    {
        row = default;
        column = -1;
        if (UnstorableText.Find(line) is { } unstorable)
            return new FieldError(LoadError.InvalidUtf8, $"String contains invalid or unsupported UTF8 codepoints: {unstorable.Message}");
        _row.Begin();
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
        for (var i = 0; i < _columns.Count; i++)
        {
            if (!_row.IsNull(i) || !_columns[i].NotNull) continue;
            if (_missingValues[i] is { } missing && StoreMissing(i, missing) is null) continue;
            column = i;
            return new FieldError(LoadError.NotNullEmpty, "Missing data for not-null field");
        }
        row = _row.Row();
        return null;
    }

    /// <summary>A NOT NULL column's constant DEFAULT for a record without its key (<see cref="CopyPlan.MissingJsonValue"/>), checked as a sent value would be.</summary>
    private FieldError? StoreMissing(int column, byte[] value)
    {
        switch (_kinds[column])
        {
            case Kind.Jsonb or Kind.Json:
                return Store(column, value, _kinds[column] == Kind.Jsonb);
            case Kind.Text:
                _row.SetBytes(column, value);
                return null;
            default:
                if (FieldEncoder.Timestamp(Encoding.UTF8.GetString(value), _options.TimeFormat) is not { } time) return TimestampError(Encoding.UTF8.GetString(value));
                _row.SetTimestampMicroseconds(column, (time - PostgresEpoch).Ticks / 10);
                return null;
        }
    }

    /// <summary>The field's value as the text path would show it in stl_load_errors.raw_field_value.</summary>
    public string RawValue(int column) => Encoding.UTF8.GetString(_row.Value(column));

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
        if (token == JsonTokenType.Null) { _row.SetNull(column); return null; }
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
        _row.SetJsonScalar(column, ref reader);
        var max = _columns[column].MaxLength;
        if (max < 0) return null;
        var characters = Encoding.UTF8.GetCharCount(_row.Value(column));
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
            _row.SetTimestamp(column, unixMs);
            return null;
        }
        var value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(text);
        if (string.IsNullOrWhiteSpace(value)) { _row.SetNull(column); return null; } // blank is NULL for non-character types
        if (FieldEncoder.Timestamp(value, _options.TimeFormat) is not { } time) return TimestampError(value);
        _row.SetTimestampMicroseconds(column, (time - PostgresEpoch).Ticks / 10);
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
        if (string.IsNullOrWhiteSpace(text)) { _row.SetNull(column); return null; }
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

    private FieldError? Store(int column, ReadOnlySpan<byte> json, bool jsonb)
    {
        if (jsonb) _row.SetJsonb(column, json);
        else _row.SetBytes(column, json);
        return null;
    }
}
