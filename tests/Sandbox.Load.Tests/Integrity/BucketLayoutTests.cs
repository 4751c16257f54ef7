using Sandbox.Load.Integrity;

namespace Sandbox.Load.Tests.Integrity;

public sealed class BucketLayoutTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(100_000, 1)]
    [InlineData(1_000_000, 8)]
    [InlineData(3_000_000, 32)]
    [InlineData(30_000_000, 256)]
    public void A_bucket_holds_at_most_about_a_megabyte_of_the_day(long ids, int buckets)
    {
        var layout = BucketLayout.For(ids);
        Assert.Equal(buckets, layout.Count);
        Assert.True(ids * sizeof(ulong) / layout.Count <= BucketLayout.TargetBucketBytes);
    }

    [Fact]
    public void Buckets_split_the_hashes_by_their_top_bits()
    {
        var layout = new BucketLayout(3);
        const ulong boundary = 1UL << 61; // the first hash of bucket 1
        Assert.Equal(0, layout.BucketOf(0));
        Assert.Equal(0, layout.BucketOf(boundary - 1));
        Assert.Equal(1, layout.BucketOf(boundary));
        Assert.Equal(7, layout.BucketOf(ulong.MaxValue));
        Assert.Equal(0, new BucketLayout(0).BucketOf(ulong.MaxValue));
    }

    [Fact]
    public void Bits_out_of_range_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BucketLayout(BucketLayout.MaxBits + 1));
        Assert.Contains("bucket bits", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BucketLayout(-1));
    }
}
