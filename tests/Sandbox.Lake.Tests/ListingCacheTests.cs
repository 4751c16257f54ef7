using Sandbox.Lake.Partitions;
using Sandbox.Lake.Storage;
using Sandbox.Lake.Tests.Support;

namespace Sandbox.Lake.Tests;

/// <summary>A long-lived reader lists the archive at most once per ListingCache.MaxAge, then sees what was delivered since.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class ListingCacheTests(ArchiveFixture archive)
{
    private static readonly DateTimeOffset Nov1 = SampleEvents.At("2026-11-01T09:15:00Z");

    [Fact]
    public async Task Opens_within_the_age_reuse_the_listing_and_a_later_one_lists_again()
    {
        var bucket = await archive.NewBucketAsync();
        var first = (await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 3, Nov1))).Delivered;
        var clock = new ManualClock { Now = Nov1 };
        var options = new LakeOptions { CacheRoot = archive.NewCacheFolder(), Listing = new ListingCache(TimeSpan.FromSeconds(30), clock) };

        Assert.Equal((false, (long)first), await OpenAsync(bucket, options));
        var second = (await archive.ArchiveAsync(bucket, Nov1.AddHours(1), SampleEvents.Lines(10, 4, Nov1))).Delivered;
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Equal((true, (long)first), await OpenAsync(bucket, options)); // the new object is not listed yet
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal((false, (long)(first + second)), await OpenAsync(bucket, options));
    }

    private async Task<(bool Reused, long Events)> OpenAsync(string bucket, LakeOptions options)
    {
        var lake = new Lake(archive.S3, bucket, options);
        await using var connection = await lake.OpenAsync(PartitionFilter.All);
        return (lake.Stats.ListingReused, Query.Count(connection, "select count(*) from events"));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
