using System.Buffers;
using System.Buffers.Binary;

namespace Sandbox.Redshift.Protocol;

/// <summary>The 5-byte header of a typed message: its type byte and its length (which counts itself, not the type).</summary>
internal readonly record struct MessageHeader(byte Code, int Length)
{
    public const int Size = 5;

    /// <summary>Bytes of the whole message on the wire, type byte included.</summary>
    public long WireSize => 1L + Length;

    public int BodyLength => Length - 4;

    public static bool TryRead(in ReadOnlySequence<byte> buffer, out MessageHeader header)
    {
        header = default;
        if (buffer.Length < Size) return false;
        Span<byte> bytes = stackalloc byte[Size];
        buffer.Slice(0, Size).CopyTo(bytes);
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        if (length < 4)
            throw new WireProtocolException($"message '{(char)bytes[0]}' declares length {length}, below the minimum of 4");
        header = new MessageHeader(bytes[0], length);
        return true;
    }
}
