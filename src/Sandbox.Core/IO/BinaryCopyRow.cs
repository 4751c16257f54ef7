using System.Buffers.Binary;
using System.Text.Json;

namespace Sandbox.Core.IO;

/// <summary>
/// One row of PostgreSQL's binary COPY format, built column by column from values copied in as bytes
/// (the warehouse's bulk loader and the Redshift endpoint's JSON COPY both encode this way). Reuses its
/// buffers for every row: one instance per encoding thread.
/// </summary>
public sealed class BinaryCopyRow(int columns)
{
    /// <summary>The file header: signature, flags (no OIDs), header extension length.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The file trailer (a field count of -1).</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    private const byte JsonbVersion = 1;
    // PostgreSQL timestamps count microseconds from 2000-01-01 UTC.
    private const long PostgresEpochUnixMs = 946_684_800_000;

    private readonly (int Start, int Length)[] _values = new (int, int)[columns];
    private byte[] _valueBytes = new byte[1024];
    private int _used;
    private byte[] _row = new byte[1024];

    /// <summary>Forgets the previous row: every column NULL.</summary>
    public void Begin()
    {
        _used = 0;
        Array.Fill(_values, (0, -1));
    }

    public bool IsNull(int column) => _values[column].Length < 0;

    public void SetNull(int column) => _values[column] = (0, -1);

    /// <summary>The column's bytes; empty when NULL. Valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> Value(int column) =>
        _values[column] is var (start, length) && length >= 0 ? _valueBytes.AsSpan(start, length) : default;

    public void SetBytes(int column, ReadOnlySpan<byte> value) => value.CopyTo(Reserve(column, value.Length));

    /// <summary>jsonb's binary form: a version byte, then the JSON text as sent.</summary>
    public void SetJsonb(int column, ReadOnlySpan<byte> json)
    {
        var value = Reserve(column, json.Length + 1);
        value[0] = JsonbVersion;
        json.CopyTo(value[1..]);
    }

    public void SetTimestamp(int column, long unixMilliseconds) =>
        BinaryPrimitives.WriteInt64BigEndian(Reserve(column, 8), (unixMilliseconds - PostgresEpochUnixMs) * 1000);

    public void SetTimestampMicroseconds(int column, long microsecondsSince2000) =>
        BinaryPrimitives.WriteInt64BigEndian(Reserve(column, 8), microsecondsSince2000);

    /// <summary>A JSON string's text (unescaped only when the JSON escaped it), or a number's or boolean's as written.</summary>
    public void SetJsonScalar(int column, ref Utf8JsonReader reader)
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

    /// <summary>The row as one binary COPY tuple; valid until the next call.</summary>
    public ReadOnlySpan<byte> Row()
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
