using System.IO.Compression;
using System.Text;
using Amazon.S3.Model;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Naming;

namespace Sandbox.Lake.Tests.Support;

/// <summary>
/// The shared native stack's s3rver; each test gets its own bucket and cache folder. Archive objects
/// are written by Firehose's ArchiveDestination, so keys and bodies are what the pipeline writes.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    private readonly List<string> _folders = [];

    public SandboxEndpoints Endpoints { get; } = EndpointsLoader.Load();
    public IAmazonS3 S3 { get; private set; } = null!;

    public Task InitializeAsync()
    {
        S3 = AwsClients.S3(Endpoints);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        S3.Dispose();
        foreach (var folder in _folders) if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    public async Task<string> NewBucketAsync()
    {
        var bucket = $"lake-test-{Guid.NewGuid():N}"[..40];
        await S3.PutBucketAsync(bucket);
        return bucket;
    }

    public string NewCacheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lake-cache-{Guid.NewGuid():N}");
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Delivers the lines as one Firehose batch arriving at <paramref name="arrival"/>; bad lines go to the error prefix.</summary>
    public async Task<DeliveryOutcome> ArchiveAsync(string bucket, DateTimeOffset arrival, IEnumerable<string> lines)
    {
        var destination = new ArchiveDestination(
            new S3ObjectWriter(S3, TimeProvider.System, NullLogger.Instance),
            new ArchiveOptions { Bucket = bucket }, new ObjectKeyNamer("to-archive"), TimeProvider.System);
        var records = lines.Select((line, i) => new BufferedRecord("shardId-000000000000", $"{i}", Encoding.UTF8.GetBytes(line), arrival)).ToList();
        return await destination.DeliverAsync(new DeliveryBatch(records), CancellationToken.None);
    }

    /// <summary>Rewrites an existing object with new lines: its ETag changes.</summary>
    public async Task OverwriteAsync(string bucket, string key, IEnumerable<string> lines) =>
        await S3.PutBytesAsync(bucket, key, JsonLines.EncodeGzip(lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l))));

    public async Task<IReadOnlyList<string>> KeysAsync(string bucket) =>
        (await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects?.Select(o => o.Key).ToList() ?? [];

    public Lake NewLake(string bucket, LakeFormat format = LakeFormat.Parquet) =>
        new(S3, bucket, new LakeOptions { CacheRoot = NewCacheFolder(), Format = format });
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "archive";
}
