using System.Net;
using System.Text;
using Sandbox.Aws;
using Sandbox.Firehose.Destinations;
using Sandbox.Lake.Partitions;
using Sandbox.Lake.Storage;
using Sandbox.Lake.Tests.Support;
using Sandbox.Testing;

namespace Sandbox.Lake.Tests.Storage;

/// <summary>
/// The cache against s3rver, which lists an object while its PUT is still writing it and serves the prefix
/// written so far: a prefix must never be cached (nor converted and queried) as if it were the object.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class ObjectCacheTests(ArchiveFixture archive)
{
    private const string Key = "2026/11/01/09/to-archive-1-2026-11-01-09-15-00-held.gz";
    private static readonly DateTimeOffset Nov1 = SampleEvents.At("2026-11-01T09:15:00Z");
    private static readonly byte[] Body = JsonLines.EncodeGzip(SampleEvents.Lines(0, 3_000, Nov1).Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)));

    [SkippableFact]
    public async Task An_object_listed_mid_put_is_not_cached_and_is_named_then_cached_once_whole()
    {
        var bucket = await archive.NewBucketAsync();
        var cache = archive.NewCacheFolder();
        var lake = new Lake(archive.S3, bucket, new LakeOptions { CacheRoot = cache });
        await using (var put = await GatedPut.StartOnNativeAsync(archive.Endpoints, bucket, Key, Body, sendFirst: Body.Length / 2))
        {
            await put.ListedShortAsync(archive.S3);

            var error = await Assert.ThrowsAsync<LakeException>(() => lake.OpenAsync(PartitionFilter.All));

            Assert.Contains($"s3://{bucket}/{Key} read short {ObjectCache.ShortReadAttempts} times: {Body.Length / 2:N0} bytes that do not end with the gzip trailer", error.Message);
            Assert.Empty(CachedFiles(cache));
            put.Release();
            Assert.Equal(HttpStatusCode.OK, await put.Completion);
        }

        await using var connection = await lake.OpenAsync(PartitionFilter.All);
        Assert.Equal((1, 1), (lake.Stats.Fetched, lake.Stats.Converted));
        Assert.Equal(3_000, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(Body, await File.ReadAllBytesAsync(Path.Combine(cache, bucket, Key)));
    }

    [Fact]
    public async Task A_body_shorter_than_its_listing_is_not_cached()
    {
        var (bucket, item) = await PutAsync(Body);
        var cache = archive.NewCacheFolder();

        var error = await Assert.ThrowsAsync<LakeException>(() =>
            new ObjectCache(archive.S3, cache, new LakeStats()).RawAsync(item with { Size = Body.Length + 1 }, CancellationToken.None));

        Assert.Contains($"s3://{bucket}/{Key} read short {ObjectCache.ShortReadAttempts} times: {Body.Length:N0} bytes read, the listing said {Body.Length + 1:N0}", error.Message);
        Assert.Empty(CachedFiles(cache));
    }

    [Fact]
    public async Task A_whole_object_is_cached_byte_for_byte_and_a_body_that_is_not_gzip_is_refused_by_name()
    {
        var (bucket, item) = await PutAsync(Body);
        var cache = new ObjectCache(archive.S3, archive.NewCacheFolder(), new LakeStats());
        Assert.Equal(Body, await File.ReadAllBytesAsync(await cache.RawAsync(item, CancellationToken.None)));

        var (plainBucket, plain) = await PutAsync("{\"event_id\":\"e-1\"}\n"u8.ToArray());
        var error = await Assert.ThrowsAsync<LakeException>(() => cache.RawAsync(plain, CancellationToken.None));
        Assert.StartsWith($"s3://{plainBucket}/{Key} is not gzip", error.Message);
    }

    private async Task<(string Bucket, ArchiveObject Item)> PutAsync(byte[] body)
    {
        var bucket = await archive.NewBucketAsync();
        await archive.S3.PutBytesAsync(bucket, Key, body);
        var listed = await GatedPut.ListedAsync(archive.S3, bucket, Key) ?? throw new InvalidOperationException($"{Key} not listed after its PUT");
        return (bucket, new ArchiveObject(bucket, Key, listed.ETag, listed.Size ?? 0, new HourPartition(new DateOnly(2026, 11, 1), 9)));
    }

    private static List<string> CachedFiles(string cache) =>
        Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).ToList() : [];
}
