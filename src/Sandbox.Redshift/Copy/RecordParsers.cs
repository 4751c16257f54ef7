using System.Text;
using System.Text.Json;

namespace Sandbox.Redshift.Copy;

/// <summary>Splits one input record into the values of the COPY's columns (null = SQL NULL).</summary>
internal interface IRecordParser
{
    /// <param name="more">Reads the next physical line, for records that span lines (quoted CSV fields); null at the end.</param>
    /// <returns>null when the values are set, else why the record cannot be read.</returns>
    FieldError? Parse(ref string line, string?[] values, Func<string?> more);

    /// <summary>For a reported error: the column the parser stopped at, if any.</summary>
    string ErrorColumn { get; }
}

/// <summary>FORMAT JSON 'auto' / 'auto ignorecase': one object per line, keys matched to column names.</summary>
internal sealed class JsonAutoParser : IRecordParser
{
    private readonly Dictionary<string, int> _columns;

    public JsonAutoParser(IReadOnlyList<string> columns, bool ignoreCase)
    {
        _columns = new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _columns.TryAdd(columns[i], i);
    }

    public string ErrorColumn => "";

    public FieldError? Parse(ref string line, string?[] values, Func<string?> more)
    {
        Array.Clear(values);
        var bytes = Encoding.UTF8.GetBytes(line);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new FieldError(LoadError.InvalidLine, "Invalid JSONPath format: a JSON object is expected at the top of the record");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var value = JsonValue.Read(ref reader, bytes);
                if (_columns.TryGetValue(name, out var index)) values[index] = value;
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return new FieldError(LoadError.InvalidLine, "Invalid JSON: extra data after the object");
            return null;
        }
        catch (JsonException e)
        {
            return new FieldError(LoadError.InvalidLine, $"Invalid JSON: {e.Message}");
        }
    }
}

/// <summary>FORMAT JSON 's3://jsonpaths': one expression per column ($.a.b, $['a'], $.list[0]).</summary>
internal sealed class JsonPathsParser(IReadOnlyList<JsonPath> paths) : IRecordParser
{
    public string ErrorColumn => "";

    public FieldError? Parse(ref string line, string?[] values, Func<string?> more)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new FieldError(LoadError.InvalidLine, "Invalid JSONPath format: a JSON object is expected at the top of the record");
            for (var i = 0; i < paths.Count; i++) values[i] = paths[i].Evaluate(document.RootElement);
            return null;
        }
        catch (JsonException e)
        {
            return new FieldError(LoadError.InvalidLine, $"Invalid JSON: {e.Message}");
        }
    }
}

/// <summary>CSV: fields separated by the delimiter, optionally quoted (a doubled quote inside), quoted fields may span lines.</summary>
internal sealed class CsvParser(int columns, char delimiter, char quote) : IRecordParser
{
    private readonly StringBuilder _field = new();
    public string ErrorColumn { get; private set; } = "";

    public FieldError? Parse(ref string line, string?[] values, Func<string?> more)
    {
        var count = 0;
        var at = 0;
        while (true)
        {
            _field.Clear();
            var quoted = false;
            if (at < line.Length && line[at] == quote)
            {
                quoted = true;
                at++;
                while (true)
                {
                    if (at >= line.Length)
                    {
                        var next = more();
                        if (next is null) return new FieldError(LoadError.DelimiterNotFound, "Unterminated quoted field at the end of the file");
                        line += "\n" + next; // the newline is the field's: read on from it
                        continue;
                    }
                    if (line[at] == quote)
                    {
                        if (at + 1 < line.Length && line[at + 1] == quote) { _field.Append(quote); at += 2; continue; }
                        at++;
                        break;
                    }
                    _field.Append(line[at++]);
                }
            }
            var stop = line.IndexOf(delimiter, at);
            if (stop < 0) stop = line.Length;
            if (!quoted) _field.Append(line, at, stop - at);
            else if (stop != at) return new FieldError(LoadError.DelimiterNotFound, "Delimiter not found after a quoted field");
            if (count == columns) return new FieldError(LoadError.ExtraColumns, "Extra column(s) found");
            // An unquoted empty field is NULL; a quoted one ("") is the empty string.
            values[count++] = !quoted && _field.Length == 0 ? null : _field.ToString();
            if (stop >= line.Length) break;
            at = stop + 1;
        }
        if (count < columns)
        {
            ErrorColumn = "";
            return new FieldError(LoadError.DelimiterNotFound, $"Delimiter not found: {count} of {columns} columns");
        }
        return null;
    }
}

/// <summary>Delimited text (the default, '|'): no quoting; an empty field is NULL except for character columns.</summary>
internal sealed class DelimitedParser(int columns, char delimiter) : IRecordParser
{
    public string ErrorColumn => "";

    public FieldError? Parse(ref string line, string?[] values, Func<string?> more)
    {
        var fields = line.Split(delimiter);
        if (fields.Length > columns) return new FieldError(LoadError.ExtraColumns, "Extra column(s) found");
        if (fields.Length < columns) return new FieldError(LoadError.DelimiterNotFound, $"Delimiter not found: {fields.Length} of {columns} columns");
        fields.CopyTo(values, 0);
        return null;
    }
}

/// <summary>A JSON value as a column value: strings unquoted, objects and arrays as JSON text, null as SQL NULL.</summary>
internal static class JsonValue
{
    public static string? Read(ref Utf8JsonReader reader, byte[] source)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(source, start, (int)reader.BytesConsumed - start);
        }
    }

    public static string? Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
