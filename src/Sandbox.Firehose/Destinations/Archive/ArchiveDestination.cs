using System.Text.Json;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Naming;

namespace Sandbox.Firehose.Destinations.Archive;

/// <summary>
/// Firehose's S3 destination with GZIP: one object of JSON lines per batch. Records that are not
/// a JSON object fail processing and go, raw data in base64 with the reason, to the error output
/// prefix as AWS writes them — the bucket keeps every record it was sent.
/// </summary>
public sealed class ArchiveDestination : IDeliveryDestination
{
    public const string ProcessingFailed = "processing-failed";
    private readonly S3ObjectWriter _writer;
    private readonly ArchiveOptions _options;
    private readonly ObjectKeyNamer _names;
    private readonly PrefixExpression _prefix, _errorPrefix;
    private readonly TimeProvider _clock;

    public ArchiveDestination(S3ObjectWriter writer, ArchiveOptions options, ObjectKeyNamer names, TimeProvider clock)
    {
        (_prefix, _errorPrefix) = options.Parse();
        _writer = writer;
        _options = options;
        _names = names;
        _clock = clock;
    }

    public string Kind => "S3";

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        var checkedRecords = batch.Records.Select(r => (Record: r, Problem: JsonLines.Problem(r.Data))).ToArray();
        var good = checkedRecords.Where(c => c.Problem is null).Select(c => c.Record.Data).ToArray();
        var failed = checkedRecords.Where(c => c.Problem is not null).ToArray();

        long bytes = 0;
        if (good.Length > 0)
        {
            var body = JsonLines.EncodeGzip(good);
            var key = _names.Name(_prefix.Evaluate(batch.OldestArrival), batch.OldestArrival, ".gz");
            await _writer.PutAsync(_options.Bucket, key, body, "application/gzip", cancellationToken);
            bytes = good.Sum(g => (long)g.Length);
        }
        if (failed.Length > 0)
        {
            var errors = failed.Select(f => (ReadOnlyMemory<byte>)ErrorRecord(f.Record, f.Problem!));
            var key = _names.Name(_errorPrefix.Evaluate(batch.OldestArrival, ProcessingFailed), batch.OldestArrival, ".gz");
            await _writer.PutAsync(_options.Bucket, key, JsonLines.EncodeGzip(errors), "application/gzip", cancellationToken);
        }
        return new DeliveryOutcome(good.Length, failed.Length, bytes);
    }

    /// <summary>The fields AWS writes for a record that failed processing.</summary>
    private byte[] ErrorRecord(BufferedRecord record, string problem) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        attemptsMade = 1,
        arrivalTimestamp = record.ArrivalTime.ToUnixTimeMilliseconds(),
        errorCode = "InvalidJson",
        errorMessage = problem,
        attemptEndingTimestamp = _clock.GetUtcNow().ToUnixTimeMilliseconds(),
        rawData = Convert.ToBase64String(record.Data.Span),
        shardId = record.ShardId,
        sequenceNumber = record.SequenceNumber,
    });
}
