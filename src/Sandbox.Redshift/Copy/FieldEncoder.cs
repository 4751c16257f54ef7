using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sandbox.Redshift.Copy;

/// <summary>
/// Checks one field against its column the way Redshift's COPY does (so a bad value rejects its line
/// instead of failing PostgreSQL's COPY) and appends it in PostgreSQL's COPY text format.
/// </summary>
internal sealed class FieldEncoder(CopyValueOptions options)
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFK",
        "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd HH:mm:ss.FFFFFFzz", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss",
        "yyyy/MM/dd", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy",
    ];

    /// <returns>null when the value was appended, else why it cannot be loaded.</returns>
    public FieldError? Append(ArrayBufferWriter<byte> row, TargetColumn column, string? value)
    {
        if (value != null && IsNullText(column, value)) value = null;
        if (value != null && options.NullAs != null && value == options.NullAs) value = null;
        if (value == null)
        {
            if (column.NotNull) return new FieldError(LoadError.NotNullEmpty, "Missing data for not-null field");
            row.Write("\\N"u8);
            return null;
        }
        var (text, error) = Check(column, value);
        if (error != null) return error;
        Escape(row, text!);
        return null;
    }

    // Redshift: an empty field is NULL for every type but character types, which need EMPTYASNULL / BLANKSASNULL.
    private bool IsNullText(TargetColumn column, string value)
    {
        var blank = string.IsNullOrWhiteSpace(value);
        if (column.Category != 'S') return blank;
        return value.Length == 0 ? options.EmptyAsNull : blank && options.BlanksAsNull;
    }

    private (string? Text, FieldError? Error) Check(TargetColumn column, string value)
    {
        switch (column.TypeName)
        {
            case "int2": return Integer(value, short.MinValue, short.MaxValue, "Short");
            case "int4": return Integer(value, int.MinValue, int.MaxValue, "Integer");
            case "int8": return Integer(value, long.MinValue, long.MaxValue, "Long");
            case "numeric":
                return decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? (value.Trim(), null) : (null, new FieldError(LoadError.InvalidDigit, $"Invalid digit, Value '{Clip(value)}', Type: Decimal"));
            case "float4" or "float8":
                return double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    || value.Trim().ToLowerInvariant() is "nan" or "inf" or "-inf" or "infinity" or "-infinity"
                    ? (value.Trim(), null) : (null, new FieldError(LoadError.FloatFormat, $"Invalid floating point value '{Clip(value)}'"));
            case "bool":
                return value.Trim().ToLowerInvariant() switch
                {
                    "t" or "true" or "1" or "y" or "yes" => ("t", null),
                    "f" or "false" or "0" or "n" or "no" => ("f", null),
                    _ => (null, new FieldError(LoadError.BooleanFormat, $"Invalid boolean value '{Clip(value)}'")),
                };
            case "date":
                return Timestamp(value, options.DateFormat) is { } date
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, new FieldError(LoadError.DateFormat, $"Invalid Date Format - value '{Clip(value)}'"));
            case "timestamptz" when IsIsoUtc(value):
                return (value, null); // the common case (Firehose's events): PostgreSQL reads ISO 8601 with Z as it is
            case "timestamp" or "timestamptz":
                return Timestamp(value, options.TimeFormat) is { } time
                    ? (time.ToString(column.TypeName == "timestamp" ? "yyyy-MM-dd HH:mm:ss.ffffff" : "yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture), null)
                    : (null, new FieldError(LoadError.TimestampFormat, $"Invalid timestamp format or value [{options.TimeFormat}]: '{Clip(value)}'"));
            case "varchar" or "bpchar" when column.MaxLength >= 0 && value.Length > column.MaxLength:
                return options.TruncateColumns
                    ? (value[..column.MaxLength], null)
                    : (null, new FieldError(LoadError.LengthExceeded, $"String length exceeds DDL length ({value.Length} > {column.MaxLength})"));
            case "jsonb" or "json":
                return IsJson(value) ? (value, null) : (null, new FieldError(LoadError.InvalidLine, $"Invalid JSON value '{Clip(value)}'"));
            default:
                return (value, null);
        }
    }

    private static bool IsIsoUtc(string value) =>
        value.Length is >= 20 and <= 30 && value[^1] == 'Z' && value[10] == 'T' &&
        DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    private static (string?, FieldError?) Integer(string value, long min, long max, string type)
    {
        var trimmed = value.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return (trimmed, null);
        // Redshift loads a whole-numbered decimal such as 12.0 into an integer column (rounding is not applied).
        if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= min && d <= max)
            return (((long)d).ToString(CultureInfo.InvariantCulture), null);
        return (null, new FieldError(LoadError.InvalidDigit, $"Invalid digit, Value '{Clip(value)}', Type: {type}"));
    }

    /// <summary>'auto' reads the usual ISO and US forms; 'epochsecs' / 'epochmillisecs' read Unix time; other format strings are read as 'auto'.</summary>
    internal static DateTime? Timestamp(string value, string format)
    {
        var trimmed = value.Trim();
        if (format.Equals("epochsecs", StringComparison.OrdinalIgnoreCase) || format.Equals("epochmillisecs", StringComparison.OrdinalIgnoreCase))
        {
            if (!decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)) return null;
            var millis = format.Length == "epochsecs".Length ? epoch * 1000 : epoch;
            if (millis < -62_135_596_800_000m || millis > 253_402_300_799_000m) return null;
            return DateTime.UnixEpoch.AddTicks((long)(millis * TimeSpan.TicksPerMillisecond));
        }
        if (!DateTimeOffset.TryParseExact(trimmed, TimestampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
            return null;
        return parsed.UtcDateTime;
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(value);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";

    /// <summary>PostgreSQL COPY text format: backslash, tab, newline and carriage return escaped.</summary>
    public static void Escape(ArrayBufferWriter<byte> row, string text)
    {
        if (text.AsSpan().IndexOfAny("\\\t\n\r") < 0)
        {
            row.Advance(Encoding.UTF8.GetBytes(text, row.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
            return;
        }
        var bytes = row.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) * 2);
        var at = 0;
        Span<byte> one = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '\\': bytes[at++] = (byte)'\\'; bytes[at++] = (byte)'\\'; break;
                case '\t': bytes[at++] = (byte)'\\'; bytes[at++] = (byte)'t'; break;
                case '\n': bytes[at++] = (byte)'\\'; bytes[at++] = (byte)'n'; break;
                case '\r': bytes[at++] = (byte)'\\'; bytes[at++] = (byte)'r'; break;
                default: at += rune.EncodeToUtf8(bytes[at..]); break;
            }
        }
        row.Advance(at);
    }
}

/// <summary>The COPY options that decide how a field becomes a value.</summary>
internal sealed record CopyValueOptions(string TimeFormat, string DateFormat, bool TruncateColumns, bool EmptyAsNull, bool BlanksAsNull, string? NullAs);
