using System.IO.Compression;
using System.Text;
using Amazon.S3.Model;
using Amazon.S3;
using Sandbox.Aws;

namespace Sandbox.Warehouse.Bench;

/// <summary>The benchmark's rows as gzip JSON-lines objects plus a Redshift manifest, in a bucket of their own.</summary>
internal sealed class StagedObjects(IAmazonS3 s3, string bucket) : IAsyncDisposable
{
    public string Bucket => bucket;
    public const string ManifestKey = "manifests/bench.manifest";
    public long CompressedBytes { get; private set; }
    public List<string> ObjectKeys { get; } = [];

    public static async Task<StagedObjects> UploadAsync(IAmazonS3 s3, IReadOnlyList<SyntheticEvent> rows, int objectCount)
    {
        var staged = new StagedObjects(s3, $"warehouse-bench-{Guid.NewGuid():N}");
        await s3.PutBucketAsync(staged.Bucket);
        var perObject = (rows.Count + objectCount - 1) / objectCount;
        var urls = new List<string>();
        for (var i = 0; i < objectCount; i++)
        {
            var key = $"stage/part-{i:D4}.gz";
            await staged.PutAsync(key, Gzip(rows.Skip(i * perObject).Take(perObject)));
            urls.Add($"s3://{staged.Bucket}/{key}");
            staged.ObjectKeys.Add(key);
        }
        var manifest = $$"""{"entries":[{{string.Join(",", urls.Select(u => $$"""{"url":"{{u}}","mandatory":true}"""))}}]}""";
        await staged.PutAsync(ManifestKey, Encoding.UTF8.GetBytes(manifest));
        return staged;
    }

    private async Task PutAsync(string key, byte[] body)
    {
        CompressedBytes += body.Length;
        await s3.PutBytesAsync(bucket, key, body);
    }

    private static byte[] Gzip(IEnumerable<SyntheticEvent> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(zip, new UTF8Encoding(false)))
        {
            foreach (var row in rows) writer.Write(row.ToJsonLine() + "\n");
        }
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        foreach (var item in listing.S3Objects ?? []) await s3.DeleteObjectAsync(bucket, item.Key);
        await s3.DeleteBucketAsync(bucket);
    }
}
