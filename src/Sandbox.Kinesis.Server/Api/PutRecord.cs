using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

public sealed record PutRecordRequest(
    string? StreamName, string? StreamARN, byte[]? Data, string? PartitionKey, string? ExplicitHashKey, string? SequenceNumberForOrdering);

public sealed record PutRecordResponse(string ShardId, string SequenceNumber, string EncryptionType);

/// <summary>Writes one record; over the shard's quota the whole call fails with ProvisionedThroughputExceededException.</summary>
public static class PutRecord
{
    public const string Name = "PutRecord";

    public static PutRecordResponse Execute(PutRecordRequest request, OperationContext context)
    {
        var hashKey = RecordEntry.Validated(request.Data, request.PartitionKey, request.ExplicitHashKey, "");
        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        var outcome = RecordWriter.Write(stream, [hashKey], [new AppendRecord(request.PartitionKey!, request.Data!)], context)[0];
        if (outcome.Failed) throw KinesisException.Throughput(outcome.ErrorMessage!);
        return new PutRecordResponse(outcome.ShardId!, outcome.SequenceNumber!, "NONE");
    }
}
