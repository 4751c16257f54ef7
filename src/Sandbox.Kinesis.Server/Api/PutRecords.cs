using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record PutRecordsRequestEntry(byte[]? Data, string? PartitionKey, string? ExplicitHashKey);

public sealed record PutRecordsRequest(string? StreamName, string? StreamARN, List<PutRecordsRequestEntry>? Records);

public sealed record PutRecordsResultEntry(string? SequenceNumber, string? ShardId, string? ErrorCode, string? ErrorMessage);

public sealed record PutRecordsResponse(int FailedRecordCount, List<PutRecordsResultEntry> Records, string EncryptionType);

/// <summary>Writes up to 500 records / 5 MiB; records over a shard's quota fail one by one, as on AWS.</summary>
public static class PutRecords
{
    public const string Name = "PutRecords";
    public const int MaxRecords = 500;
    public const long MaxRequestBytes = 5L * 1024 * 1024;

    public static PutRecordsResponse Execute(PutRecordsRequest request, OperationContext context)
    {
        var entries = Validate.Required(request.Records, "records");
        if (entries.Count < 1) throw Validate.Failure("'[]'", "records", "Member must have length greater than or equal to 1");
        if (entries.Count > MaxRecords) throw Validate.Failure($"'<{entries.Count} records>'", "records", $"Member must have length less than or equal to {MaxRecords}");
        var hashKeys = new UInt128[entries.Count];
        var records = new AppendRecord[entries.Count];
        long totalBytes = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw Validate.Failure("null", $"records.{i + 1}.member", "Member must not be null");
            hashKeys[i] = RecordEntry.Validated(entry.Data, entry.PartitionKey, entry.ExplicitHashKey, $"records.{i + 1}.member.");
            records[i] = new AppendRecord(entry.PartitionKey!, entry.Data!);
            totalBytes += RecordEntry.SizeForQuota(records[i]);
        }
        if (totalBytes > MaxRequestBytes)
            throw KinesisException.InvalidArgument($"Records size exceeds 5 MB limit: the request holds {totalBytes} bytes of data and partition keys.");

        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        var outcomes = RecordWriter.Write(stream, hashKeys, records, context);
        var results = outcomes.Select(o => new PutRecordsResultEntry(o.SequenceNumber, o.ShardId, o.ErrorCode, o.ErrorMessage)).ToList();
        return new PutRecordsResponse(outcomes.Count(o => o.Failed), results, "NONE");
    }
}
