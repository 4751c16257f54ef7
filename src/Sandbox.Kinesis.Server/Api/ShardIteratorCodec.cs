using System.Buffers.Binary;
using System.Text;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>A decoded shard iterator: where to read next, and when the iterator was issued.</summary>
public readonly record struct ShardIteratorPosition(string StreamName, long StreamCreatedMs, int ShardIndex, long Position, long IssuedMs);

/// <summary>
/// Opaque shard iterators: base64 of [version][issued ms][stream created ms][shard index][position]
/// [stream name][checksum]. Stateless, so they survive restarts; they expire after 5 minutes as on AWS.
/// </summary>
public sealed class ShardIteratorCodec(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const byte Version = 1;
    private const int FixedSize = 1 + 8 + 8 + 4 + 8;

    public string Encode(string streamName, long streamCreatedMs, int shardIndex, long position)
    {
        var name = Encoding.UTF8.GetBytes(streamName);
        var bytes = new byte[FixedSize + name.Length + 4];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), time.GetUtcNow().ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(9), streamCreatedMs);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(17), shardIndex);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(21), position);
        name.CopyTo(bytes.AsSpan(FixedSize));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 4), Checksum(bytes.AsSpan(0, bytes.Length - 4)));
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes an iterator; InvalidArgumentException if it is not one of ours, ExpiredIteratorException if too old.</summary>
    public ShardIteratorPosition Decode(string iterator)
    {
        var bytes = new byte[iterator.Length];
        if (!Convert.TryFromBase64String(iterator, bytes, out var length) || length < FixedSize + 5 || bytes[0] != Version
            || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(length - 4)) != Checksum(bytes.AsSpan(0, length - 4)))
            throw KinesisException.InvalidArgument($"Invalid ShardIterator: '{(iterator.Length > 64 ? iterator[..64] + "..." : iterator)}' is not an iterator this server issued.");
        var decoded = new ShardIteratorPosition(
            StreamName: Encoding.UTF8.GetString(bytes.AsSpan(FixedSize, length - 4 - FixedSize)),
            StreamCreatedMs: BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9)),
            ShardIndex: BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(17)),
            Position: BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(21)),
            IssuedMs: BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)));
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now - decoded.IssuedMs > (long)Lifetime.TotalMilliseconds)
            throw KinesisException.ExpiredIterator(
                $"Iterator expired. The iterator was created at time {FormatTime(decoded.IssuedMs)} while right now it is {FormatTime(now)} " +
                $"which is further in the future than the tolerated delay of {(long)Lifetime.TotalMilliseconds} milliseconds.");
        return decoded;
    }

    private static uint Checksum(ReadOnlySpan<byte> bytes) => Storage.Crc32C.Compute(bytes);

    private static string FormatTime(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
