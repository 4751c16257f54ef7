using System.IO.Compression;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws;
using Sandbox.Testing;

namespace Sandbox.Redshift.Tests.S3;

/// <summary>A fresh bucket in the native stack's S3 (s3rver) for one test class.</summary>
public sealed class S3Bucket : IAsyncLifetime
{
    private readonly StackFixture _stack = new();

    public IAmazonS3 S3 { get; private set; } = null!;
    public string Name { get; } = "redshift-copy-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        S3 = AwsClients.S3(_stack.Endpoints);
        await S3.PutBucketAsync(Name);
    }

    public Task<PutObjectResponse> PutAsync(string key, string body, bool gzip = false) =>
        PutAsync(key, gzip ? Gzip(body) : Encoding.UTF8.GetBytes(body));

    public Task<PutObjectResponse> PutAsync(string key, byte[] body) => S3.PutBytesAsync(Name, key, body);

    /// <summary>The text as one gzip member.</summary>
    public static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest)) zip.Write(Encoding.UTF8.GetBytes(text));
        return compressed.ToArray();
    }

    public async Task<string> ReadAsync(string key, bool gzip = false)
    {
        using var response = await S3.GetObjectAsync(Name, key);
        Stream body = response.ResponseStream;
        if (gzip) body = new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }

    public async Task<List<string>> KeysAsync(string prefix) =>
        (await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, Prefix = prefix })).S3Objects?.Select(o => o.Key).Order(StringComparer.Ordinal).ToList() ?? [];

    public string Url(string key) => $"s3://{Name}/{key}";

    public async Task DisposeAsync()
    {
        S3.Dispose();
        await _stack.DisposeAsync();
    }
}
