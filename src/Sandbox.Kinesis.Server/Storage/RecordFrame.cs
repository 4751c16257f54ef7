using System.Buffers.Binary;
using System.Text;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// One record in a segment file: [u32 payload length][u32 CRC-32C of payload] then the payload
/// [i64 position][i64 arrival ms][u16 partition key length][partition key UTF-8][data].
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 8;
    public const int FixedPayloadSize = 18;
    /// <summary>Largest payload a valid frame can have (1 MiB record + key + fixed part, with headroom).</summary>
    public const int MaxPayloadSize = 2 * 1024 * 1024;

    public static int SizeOf(int partitionKeyBytes, int dataBytes) => HeaderSize + FixedPayloadSize + partitionKeyBytes + dataBytes;

    public static int Write(Span<byte> destination, long position, long arrivalMs, string partitionKey, ReadOnlySpan<byte> data)
    {
        var payload = destination[HeaderSize..];
        BinaryPrimitives.WriteInt64LittleEndian(payload, position);
        BinaryPrimitives.WriteInt64LittleEndian(payload[8..], arrivalMs);
        var keyLength = Encoding.UTF8.GetBytes(partitionKey, payload[FixedPayloadSize..]);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[16..], (ushort)keyLength);
        data.CopyTo(payload[(FixedPayloadSize + keyLength)..]);
        var payloadLength = FixedPayloadSize + keyLength + data.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32C.Compute(payload[..payloadLength]));
        return HeaderSize + payloadLength;
    }

    /// <summary>Total frame length announced by the header at <paramref name="header"/>, or -1 if impossible.</summary>
    public static int FrameLength(ReadOnlySpan<byte> header)
    {
        var payload = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return payload is < FixedPayloadSize or > MaxPayloadSize ? -1 : HeaderSize + (int)payload;
    }

    public static bool ChecksumMatches(ReadOnlySpan<byte> frame) =>
        BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]) == Crc32C.Compute(frame[HeaderSize..]);

    public static StoredRecord Decode(byte[] buffer, int offset, int frameLength)
    {
        var payload = buffer.AsSpan(offset + HeaderSize);
        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(payload[16..]);
        var keyOffset = offset + HeaderSize + FixedPayloadSize;
        return new StoredRecord(
            Position: BinaryPrimitives.ReadInt64LittleEndian(payload),
            ArrivalMs: BinaryPrimitives.ReadInt64LittleEndian(payload[8..]),
            Buffer: buffer,
            KeyOffset: keyOffset,
            KeyLength: keyLength,
            DataOffset: keyOffset + keyLength,
            DataLength: frameLength - HeaderSize - FixedPayloadSize - keyLength);
    }
}

/// <summary>A record read back from a segment; its bytes stay in a buffer the read result owns.</summary>
public readonly record struct StoredRecord(
    long Position, long ArrivalMs, byte[] Buffer, int KeyOffset, int KeyLength, int DataOffset, int DataLength)
{
    public ReadOnlySpan<byte> PartitionKeyUtf8 => Buffer.AsSpan(KeyOffset, KeyLength);
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(DataOffset, DataLength);
    public string PartitionKey => Encoding.UTF8.GetString(PartitionKeyUtf8);
}

/// <summary>A record handed to the log to append.</summary>
public readonly record struct AppendRecord(string PartitionKey, byte[] Data)
{
    public int FrameSize => RecordFrame.SizeOf(Encoding.UTF8.GetByteCount(PartitionKey), Data.Length);
}
