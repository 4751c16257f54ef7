using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Naming;
using Sandbox.Firehose;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// Output (c), lake: the S3 archive exactly as the to-archive delivery stream writes it (same
/// destination code: GZIP JSON lines under YYYY/MM/DD/HH/to-archive-1-...gz, non-JSON lines under
/// processing-failed/), batched per server by received_at hour and Firehose's default 5 MB buffer.
/// </summary>
public sealed class ArchiveBulkSink : IEventSink
{
    private readonly ArchiveDestination _destination;
    private readonly string _bucket;
    private readonly long _bufferBytes;

    public ArchiveBulkSink(IAmazonS3 s3, string bucket, long bufferBytes = BufferingHints.AwsDefaultSizeInMBs * 1024L * 1024)
    {
        _bucket = bucket;
        _bufferBytes = bufferBytes;
        _destination = new ArchiveDestination(
            new S3ObjectWriter(s3, TimeProvider.System, NullLogger.Instance),
            new ArchiveOptions { Bucket = bucket },
            new ObjectKeyNamer(FirehoseOptions.ArchiveStreamName),
            TimeProvider.System);
    }

    public ArchiveBulkStats Stats { get; } = new();

    public string Describe() => $"archive:s3://{_bucket}";

    public IServerEventStream OpenServer(string serverName) => new ArchiveServerBatches(_destination, serverName, _bufferBytes, Stats);
}
