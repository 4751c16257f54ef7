namespace Sandbox.Core.Events;

/// <summary>
/// ULID-shaped event ids: 48-bit Unix milliseconds then 80 bits of entropy, as 26 Crockford
/// base32 characters, so ids sort by creation time. Callers supply the entropy (a generator
/// passes a bijection of a unique counter to make ids unique by construction).
/// </summary>
public static class EventId
{
    public const int Length = 26;
    private static readonly byte[] Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"u8.ToArray();

    public static void Format(long unixMilliseconds, ulong entropyHigh16, ulong entropyLow64, Span<byte> destination)
    {
        // 128 bits = time(48) | high(16) | low(64), emitted 5 bits at a time from the top (2 leading pad bits).
        var hi = ((ulong)unixMilliseconds << 16) | (entropyHigh16 & 0xFFFF);
        var lo = entropyLow64;
        for (var i = Length - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(lo & 31)];
            lo = (lo >> 5) | (hi << 59);
            hi >>= 5;
        }
    }

    public static string Format(long unixMilliseconds, ulong entropyHigh16, ulong entropyLow64)
    {
        Span<byte> buffer = stackalloc byte[Length];
        Format(unixMilliseconds, entropyHigh16, entropyLow64, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length || text[0] > '7') return false;
        foreach (var c in text)
        {
            if (Alphabet.AsSpan().IndexOf(c) < 0) return false;
        }
        return true;
    }

    /// <summary>The Unix-millisecond timestamp encoded in the first ten characters.</summary>
    public static long TimestampOf(ReadOnlySpan<byte> text)
    {
        long value = 0;
        for (var i = 0; i < 10; i++) value = (value << 5) | (long)Alphabet.AsSpan().IndexOf(text[i]);
        return value;
    }
}
