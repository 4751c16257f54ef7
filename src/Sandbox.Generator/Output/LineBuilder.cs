using Sandbox.Core.Events;

namespace Sandbox.Generator.Output;

/// <summary>Appends JSON fragments into a byte buffer; the caller guarantees the buffer is large enough.</summary>
public sealed class LineBuilder(int capacity)
{
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();
    private static readonly byte[] TwoDigits = Enumerable.Range(0, 100).SelectMany(n => new[] { (byte)('0' + n / 10), (byte)('0' + n % 10) }).ToArray();
    private readonly byte[] _buffer = new byte[capacity];
    private int _length;
    private long _cachedDay = long.MinValue;
    private readonly byte[] _cachedDate = new byte[10];

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);
    public int Length => _length;
    public int Capacity => _buffer.Length;

    public void Clear() => _length = 0;

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Byte(byte b) => _buffer[_length++] = b;

    public void Digits(long value, int width)
    {
        if (value <= int.MaxValue)
        {
            Digits((int)value, width);
            return;
        }
        for (var i = _length + width - 1; i >= _length; i--)
        {
            _buffer[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        _length += width;
    }

    /// <summary>Fixed-width decimal, two digits per division (ids and timestamps are formatted a lot).</summary>
    public void Digits(int value, int width)
    {
        var i = _length + width;
        var left = width;
        while (left >= 2)
        {
            var quotient = value / 100;
            var pair = (value - quotient * 100) * 2;
            i -= 2;
            _buffer[i] = TwoDigits[pair];
            _buffer[i + 1] = TwoDigits[pair + 1];
            value = quotient;
            left -= 2;
        }
        if (left == 1) _buffer[i - 1] = (byte)('0' + value % 10);
        _length += width;
    }

    public void Int(long value)
    {
        if (value < 0) { Byte((byte)'-'); value = -value; }
        var width = 1;
        for (var v = value; v >= 10; v /= 10) width++;
        Digits(value, width);
    }

    public void Hex16(ulong value)
    {
        for (var i = _length + 15; i >= _length; i--)
        {
            _buffer[i] = Hex[(int)(value & 15)];
            value >>= 4;
        }
        _length += 16;
    }

    public void EventId(long unixMs, ulong entropyHigh, ulong entropyLow)
    {
        Core.Events.EventId.Format(unixMs, entropyHigh, entropyLow, _buffer.AsSpan(_length));
        _length += Core.Events.EventId.Length;
    }

    /// <summary>ISO-8601 UTC with milliseconds; the date part is cached since consecutive events share a day.</summary>
    public void Timestamp(long unixMs)
    {
        var day = Math.DivRem(unixMs, 86_400_000, out var msOfDay);
        if (msOfDay < 0) { day--; msOfDay += 86_400_000; }
        if (day != _cachedDay)
        {
            IsoTimestamp.WriteDate(DateTime.UnixEpoch.AddDays(day), _cachedDate);
            _cachedDay = day;
        }
        Raw(_cachedDate);
        var ms = (int)msOfDay;
        Byte((byte)'T');
        Digits(ms / 3_600_000, 2);
        Byte((byte)':');
        Digits(ms / 60_000 % 60, 2);
        Byte((byte)':');
        Digits(ms / 1_000 % 60, 2);
        Byte((byte)'.');
        Digits(ms % 1_000, 3);
        Byte((byte)'Z');
    }
}
