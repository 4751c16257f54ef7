using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

/// <summary>Kinesis' 128-bit hash key space, computed independently of any target.</summary>
public static class HashKeys
{
    public static readonly BigInteger Space = BigInteger.One << 128;
    public static readonly BigInteger Max = Space - 1;

    /// <summary>MD5 of the partition key's UTF-8 bytes, read as an unsigned big-endian integer.</summary>
    public static BigInteger Of(string partitionKey) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes(partitionKey)), isUnsigned: true, isBigEndian: true);

    /// <summary>Where AWS starts shard i of n when a stream is created or evenly resharded.</summary>
    public static BigInteger EvenStart(int index, int count) => Space * index / count;

    public static bool Contains(this HashKeyRange range, BigInteger key) =>
        BigInteger.Parse(range.StartingHashKey) <= key && key <= BigInteger.Parse(range.EndingHashKey);

    public static Shard ShardFor(this IEnumerable<Shard> openShards, BigInteger key) =>
        openShards.Single(s => s.HashKeyRange.Contains(key));
}
