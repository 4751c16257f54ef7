using System.Collections.Immutable;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Tests.Storage;

public sealed class HashKeyRangeTests
{
    [Fact]
    public void Partition_keys_hash_with_MD5_as_a_big_endian_128_bit_number()
    {
        // MD5("a") = 0cc175b9c0f1b6a831c399e269772661
        var expected = UInt128.Parse("0cc175b9c0f1b6a831c399e269772661", System.Globalization.NumberStyles.HexNumber);

        Assert.Equal(expected, HashKeyRange.FromPartitionKey("a"));
    }

    [Fact]
    public void Two_shards_split_the_key_space_where_AWS_does()
    {
        var ranges = HashKeyRange.SplitEvenly(2);

        Assert.Equal("170141183460469231731687303715884105727", ranges[0].End.ToString());
        Assert.Equal("170141183460469231731687303715884105728", ranges[1].Start.ToString());
        Assert.Equal(UInt128.MaxValue, ranges[1].End);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(500)]
    public void Even_splits_cover_the_whole_key_space_without_gaps(int count)
    {
        var ranges = HashKeyRange.SplitEvenly(count);

        Assert.Equal(UInt128.Zero, ranges[0].Start);
        Assert.Equal(UInt128.MaxValue, ranges[^1].End);
        for (var i = 1; i < count; i++) Assert.Equal(ranges[i - 1].End + 1, ranges[i].Start);
    }

    [Fact]
    public void Routing_picks_the_open_shard_whose_range_holds_the_key()
    {
        var shards = HashKeyRange.SplitEvenly(4)
            .Select((r, i) => new StreamShard(new ShardInfo(ShardInfo.IdFor(i), i, r, null, null, null, 0), null!))
            .ToImmutableArray();
        var info = new StreamInfo("s", 0, 24, ImmutableSortedDictionary<string, string>.Empty, [.. shards.Select(s => s.Info)], 4);
        var state = new StreamState(info, shards);

        foreach (var key in new[] { "a", "b", "user-1", "user-2", "日本" })
        {
            var hash = HashKeyRange.FromPartitionKey(key);
            Assert.True(state.RouteToOpenShard(hash).Info.HashRange.Contains(hash), key);
        }
        Assert.Equal("shardId-000000000000", state.RouteToOpenShard(UInt128.Zero).Info.ShardId);
        Assert.Equal("shardId-000000000003", state.RouteToOpenShard(UInt128.MaxValue).Info.ShardId);
    }
}
