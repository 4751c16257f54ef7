using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws.Reads;
using Sandbox.Testing;

namespace Sandbox.Aws.Tests.Reads;

/// <summary>
/// Readers against s3rver while a PUT is caught mid-body: s3rver lists the object and serves the bytes
/// on disk so far, and GZipStream inflates them without complaint. The archive's readers must see
/// such an object as not whole, and read it whole once the PUT ends.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class WholeGzipObjectsTests(StackFixture stack) : IAsyncLifetime
{
    private readonly string _bucket = "whole-reads-" + Guid.NewGuid().ToString("N")[..12];
    private IAmazonS3 _s3 = null!;
    private static readonly List<string> Lines = GzipLines.Events(5_000);
    private static readonly byte[] Body = GzipLines.Gzip(Lines);

    public async Task InitializeAsync()
    {
        _s3 = AwsClients.S3(stack.Endpoints);
        await _s3.PutBucketAsync(_bucket);
    }

    [SkippableFact]
    public async Task An_object_listed_while_its_put_has_sent_only_the_gzip_header_is_not_whole_until_the_put_ends()
    {
        await using var put = await StartPutAsync("header-only.gz", sendFirst: 10);
        var listed = await put.ListedShortAsync(_s3);

        // What lost a whole batch: the listed object inflates to no line at all, and no error says why.
        Assert.Empty(GzipLines.InflateAsBefore(await BodyAsync("header-only.gz")));
        var during = await _s3.ReadGzipAsync(_bucket, "header-only.gz", listed.Size);
        Assert.False(during.IsWhole, "an object with only its gzip header on disk read as whole");

        put.Release();
        Assert.Equal(HttpStatusCode.OK, await put.Completion);
        var after = await _s3.ReadGzipAsync(_bucket, "header-only.gz");
        Assert.True(after.IsWhole, after.Incomplete);
        Assert.Equal(Lines, GzipLines.LinesOf(after.Inflated));
    }

    [SkippableFact]
    public async Task A_put_cut_mid_body_stays_listed_short_and_a_reader_that_must_not_skip_names_it()
    {
        await using var put = await StartPutAsync("cut.gz", sendFirst: Body.Length / 2);
        var listed = await put.ListedShortAsync(_s3);
        var readAsBefore = GzipLines.LinesOf(GzipLines.InflateAsBefore(await BodyAsync("cut.gz")));
        Assert.InRange(readAsBefore.Count, 1, Lines.Count - 1);
        Assert.False((await _s3.ReadGzipAsync(_bucket, "cut.gz", listed.Size)).IsWhole);

        put.Cut();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put.Completion);
        await Task.Delay(TimeSpan.FromSeconds(1));
        // s3rver never finishes or removes a PUT whose client went away: the prefix stays listed.
        Assert.Equal(Body.Length / 2, (await ListedAsync("cut.gz"))?.Size);
        var error = await Assert.ThrowsAsync<IncompleteObjectException>(() =>
            _s3.ReadWholeGzipAsync(_bucket, "cut.gz", listed.Size, attempts: 3, pause: TimeSpan.FromMilliseconds(50)));
        Assert.Contains($"s3://{_bucket}/cut.gz read short 3 times", error.Message);
    }

    [SkippableFact]
    public async Task A_body_shorter_than_its_listing_is_not_whole()
    {
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "small.gz", InputStream = new MemoryStream(Body), UseChunkEncoding = false });

        var read = await _s3.ReadGzipAsync(_bucket, "small.gz", listedSize: Body.Length + 1);

        Assert.False(read.IsWhole);
        Assert.Contains($"{Body.Length:N0} bytes read, the listing said {Body.Length + 1:N0}", read.Incomplete);
    }

    private Task<GatedPut> StartPutAsync(string key, int sendFirst) => GatedPut.StartOnNativeAsync(stack.Endpoints, _bucket, key, Body, sendFirst);

    private Task<S3Object?> ListedAsync(string key) => GatedPut.ListedAsync(_s3, _bucket, key);

    private async Task<byte[]> BodyAsync(string key)
    {
        using var response = await _s3.GetObjectAsync(_bucket, key);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body);
        return body.ToArray();
    }

    public async Task DisposeAsync()
    {
        foreach (var item in (await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket })).S3Objects ?? [])
            await _s3.DeleteObjectAsync(_bucket, item.Key);
        await _s3.DeleteBucketAsync(_bucket);
        _s3.Dispose();
    }
}
