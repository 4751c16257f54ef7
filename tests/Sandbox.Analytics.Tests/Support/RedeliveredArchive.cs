using System.Text;
using Amazon.S3.Model;
using Amazon.S3;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Naming;
using Sandbox.Lake.Partitions;
using Sandbox.Lake;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>
/// The generated lines in a real archive bucket on the stack's S3, written by Firehose's own archive
/// destination in batches, with one batch REDELIVERED as a second object an hour later (what Firehose
/// does when a checkpoint is lost), and the lake opened over it: the lake engine as `sandbox report` uses it.
/// </summary>
public sealed class RedeliveredArchive : IAsyncDisposable
{
    private const int BatchSize = 5_000;
    private static readonly DateTimeOffset FirstArrival = new(2026, 11, 6, 0, 0, 0, TimeSpan.Zero);
    private readonly IAmazonS3 _s3;
    private readonly string _bucket = $"analytics-test-{Guid.NewGuid():N}"[..40];
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"analytics-lake-cache-{Guid.NewGuid():N}");

    private RedeliveredArchive(IAmazonS3 s3) => _s3 = s3;

    public DuckDBConnection Connection { get; private set; } = null!;

    /// <summary>Records in the archive beyond one per event_id.</summary>
    public long Redelivered { get; private set; }

    public static async Task<RedeliveredArchive> CreateAsync(IReadOnlyList<string> lines)
    {
        var archive = new RedeliveredArchive(AwsClients.S3(EndpointsLoader.Load()));
        await archive._s3.PutBucketAsync(archive._bucket);
        var destination = new ArchiveDestination(new S3ObjectWriter(archive._s3, TimeProvider.System, NullLogger.Instance),
            new ArchiveOptions { Bucket = archive._bucket }, new ObjectKeyNamer("to-archive"), TimeProvider.System);
        var batches = lines.Chunk(BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++) await DeliverAsync(destination, batches[i], FirstArrival.AddHours(i));
        var again = batches[batches.Count / 2];
        await DeliverAsync(destination, again, FirstArrival.AddHours(batches.Count));
        archive.Redelivered = again.Length;
        var lake = new Lake.Lake(archive._s3, archive._bucket, new LakeOptions { CacheRoot = archive._cache });
        archive.Connection = await lake.OpenAsync(PartitionFilter.All);
        return archive;
    }

    private static Task DeliverAsync(ArchiveDestination destination, IReadOnlyList<string> lines, DateTimeOffset arrival) =>
        destination.DeliverAsync(new DeliveryBatch(lines.Select((line, n) =>
            new BufferedRecord("shardId-000000000000", $"{n}", Encoding.UTF8.GetBytes(line), arrival)).ToList()), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket });
        foreach (var item in listing.S3Objects ?? []) await _s3.DeleteObjectAsync(_bucket, item.Key);
        await _s3.DeleteBucketAsync(_bucket);
        _s3.Dispose();
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }
}
