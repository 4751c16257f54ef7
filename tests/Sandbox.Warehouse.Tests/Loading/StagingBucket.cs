using System.IO.Compression;
using System.Text;
using Amazon.S3.Model;
using Amazon.S3;
using Sandbox.Aws;
using Sandbox.Testing;

namespace Sandbox.Warehouse.Tests.Loading;

/// <summary>A uniquely named bucket on the stack's S3 to stage objects and manifests in; emptied and removed afterwards.</summary>
internal sealed class StagingBucket : IAsyncDisposable
{
    private StagingBucket(IAmazonS3 s3, string name)
    {
        S3 = s3;
        Name = name;
    }

    public IAmazonS3 S3 { get; }
    public string Name { get; }

    public static async Task<StagingBucket> CreateAsync(StackFixture stack)
    {
        var s3 = AwsClients.S3(stack.Endpoints);
        var bucket = new StagingBucket(s3, $"loader-test-{Guid.NewGuid():N}");
        await s3.PutBucketAsync(bucket.Name);
        return bucket;
    }

    public Task<string> PutLinesAsync(string key, IEnumerable<string> lines, bool gzip = false) =>
        PutAsync(key, Encode(string.Concat(lines.Select(l => l + "\n")), gzip));

    public async Task<string> PutAsync(string key, byte[] body)
    {
        await S3.PutBytesAsync(Name, key, body);
        return $"s3://{Name}/{key}";
    }

    public Task<string> PutManifestAsync(string key, params (string Url, bool Mandatory)[] entries) =>
        PutAsync(key, Encoding.UTF8.GetBytes(
            $$"""{"entries":[{{string.Join(",", entries.Select(e => $$"""{"url":"{{e.Url}}","mandatory":{{(e.Mandatory ? "true" : "false")}}}"""))}}]}"""));

    public static byte[] Encode(string text, bool gzip)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!gzip) return bytes;
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest)) zip.Write(bytes);
        return compressed.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        var listing = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name });
        foreach (var item in listing.S3Objects ?? []) await S3.DeleteObjectAsync(Name, item.Key);
        await S3.DeleteBucketAsync(Name);
        S3.Dispose();
    }
}
