namespace Sandbox.Core.Events;

/// <summary>
/// The one timestamp format of the pipeline: ISO-8601 UTC with milliseconds,
/// <c>2026-11-30T12:34:56.789Z</c> (24 ASCII bytes). Fixed width so it formats and checks without allocating.
/// </summary>
public static class IsoTimestamp
{
    public const int Length = 24;

    public static void Format(long unixMilliseconds, Span<byte> destination)
    {
        var instant = DateTime.UnixEpoch.AddMilliseconds(unixMilliseconds);
        WriteDate(instant, destination);
        destination[10] = (byte)'T';
        Write2(destination[11..], instant.Hour);
        destination[13] = (byte)':';
        Write2(destination[14..], instant.Minute);
        destination[16] = (byte)':';
        Write2(destination[17..], instant.Second);
        destination[19] = (byte)'.';
        var ms = instant.Millisecond;
        destination[20] = (byte)('0' + ms / 100);
        destination[21] = (byte)('0' + ms / 10 % 10);
        destination[22] = (byte)('0' + ms % 10);
        destination[23] = (byte)'Z';
    }

    public static string Format(long unixMilliseconds)
    {
        Span<byte> buffer = stackalloc byte[Length];
        Format(unixMilliseconds, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    /// <summary>Accepts <c>yyyy-MM-ddTHH:mm:ssZ</c> with an optional 1-7 digit fraction; UTC (<c>Z</c>) only.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long unixMilliseconds)
    {
        unixMilliseconds = 0;
        if (text.Length < 20 || text[^1] != (byte)'Z') return false;
        if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        var fraction = 0;
        var fractionDigits = text.Length - 21;
        if (text.Length > 20)
        {
            if (text[19] != '.' || fractionDigits is < 1 or > 7 || !Digits(text, 20, fractionDigits, out fraction)) return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        var millis = fractionDigits > 0 ? fraction / Pow10(Math.Max(0, fractionDigits - 3)) * Pow10(Math.Max(0, 3 - fractionDigits)) : 0;
        unixMilliseconds = (long)(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds + millis;
        return true;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c> (10 bytes).</summary>
    public static void WriteDate(DateTime date, Span<byte> destination)
    {
        var year = date.Year;
        destination[0] = (byte)('0' + year / 1000);
        destination[1] = (byte)('0' + year / 100 % 10);
        destination[2] = (byte)('0' + year / 10 % 10);
        destination[3] = (byte)('0' + year % 10);
        destination[4] = (byte)'-';
        Write2(destination[5..], date.Month);
        destination[7] = (byte)'-';
        Write2(destination[8..], date.Day);
    }

    private static void Write2(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + value / 10);
        destination[1] = (byte)('0' + value % 10);
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static int Pow10(int exponent)
    {
        var result = 1;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
