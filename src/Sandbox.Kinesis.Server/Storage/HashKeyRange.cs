using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>An inclusive range of the 128-bit hash key space that one shard owns.</summary>
public readonly record struct HashKeyRange(UInt128 Start, UInt128 End)
{
    public bool Contains(UInt128 key) => key >= Start && key <= End;

    public bool Overlaps(HashKeyRange other) => Start <= other.End && other.Start <= End;

    /// <summary>Splits the whole key space into <paramref name="count"/> even ranges (UNIFORM_SCALING).</summary>
    public static HashKeyRange[] SplitEvenly(int count)
    {
        var n = (UInt128)count;
        // floor(2^128 / n), computed without overflowing 128 bits.
        var width = UInt128.MaxValue / n + (UInt128.MaxValue % n == n - 1 ? UInt128.One : UInt128.Zero);
        var ranges = new HashKeyRange[count];
        for (var i = 0; i < count; i++)
        {
            var start = width * (UInt128)i;
            var end = i == count - 1 ? UInt128.MaxValue : width * (UInt128)(i + 1) - 1;
            ranges[i] = new HashKeyRange(start, end);
        }
        return ranges;
    }

    /// <summary>The hash key Kinesis routes a partition key by: MD5 of its UTF-8 bytes, big-endian.</summary>
    public static UInt128 FromPartitionKey(string partitionKey)
    {
        var byteCount = Encoding.UTF8.GetByteCount(partitionKey);
        Span<byte> utf8 = byteCount <= 1024 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(partitionKey, utf8);
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(utf8, digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }
}
