using System.Globalization;
using System.Text.Json;

namespace Sandbox.Console.Queries;

/// <summary>One cell as JSON or as text, the same way for the grid, CSV and JSON downloads.</summary>
public static class CellText
{
    public static void WriteJson(Utf8JsonWriter json, System.Data.Common.DbDataReader row, int ordinal)
    {
        if (row.IsDBNull(ordinal)) { json.WriteNullValue(); return; }
        switch (row.GetValue(ordinal))
        {
            case bool b: json.WriteBooleanValue(b); break;
            case short s: json.WriteNumberValue(s); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case decimal m: json.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case var value: json.WriteStringValue(Format(value)); break;
        }
    }

    /// <returns>Null for SQL NULL.</returns>
    public static string? Text(System.Data.Common.DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Format(row.GetValue(ordinal));

    private static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTime { Kind: DateTimeKind.Utc } t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF'+00'", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
        Array array => JsonSerializer.Serialize(array),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
