namespace Sandbox.Kinesis.Model;

// Data travels base64-encoded in JSON; System.Text.Json does that for ReadOnlyMemory<byte>.

public sealed record PutRecordRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public ReadOnlyMemory<byte> Data { get; init; }
    public string? PartitionKey { get; init; }
    public string? ExplicitHashKey { get; init; }
    public string? SequenceNumberForOrdering { get; init; }
}

public sealed record PutRecordResponse
{
    public string ShardId { get; init; } = "";
    public string SequenceNumber { get; init; } = "";
    public EncryptionType? EncryptionType { get; init; }
}

public sealed record PutRecordsRequestEntry
{
    public ReadOnlyMemory<byte> Data { get; init; }
    public string? PartitionKey { get; init; }
    public string? ExplicitHashKey { get; init; }
}

public sealed record PutRecordsRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public List<PutRecordsRequestEntry> Records { get; init; } = [];
}

/// <summary>Either SequenceNumber/ShardId (stored) or ErrorCode/ErrorMessage (not stored).</summary>
public sealed record PutRecordsResultEntry
{
    public string? SequenceNumber { get; init; }
    public string? ShardId { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    public bool Succeeded => ErrorCode is null;
}

public sealed record PutRecordsResponse
{
    public int FailedRecordCount { get; init; }
    public List<PutRecordsResultEntry> Records { get; init; } = [];
    public EncryptionType? EncryptionType { get; init; }
}

public sealed record GetShardIteratorRequest
{
    public string? StreamName { get; init; }
    public string? StreamARN { get; init; }
    public string? ShardId { get; init; }
    public ShardIteratorType? ShardIteratorType { get; init; }
    public string? StartingSequenceNumber { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
}

public sealed record GetShardIteratorResponse
{
    public string ShardIterator { get; init; } = "";
}

public sealed record GetRecordsRequest
{
    public string? ShardIterator { get; init; }
    public int? Limit { get; init; }
    public string? StreamARN { get; init; }
}

public sealed record Record
{
    public string SequenceNumber { get; init; } = "";
    public DateTimeOffset? ApproximateArrivalTimestamp { get; init; }
    public ReadOnlyMemory<byte> Data { get; init; }
    public string PartitionKey { get; init; } = "";
    public EncryptionType? EncryptionType { get; init; }
}

/// <summary>NextShardIterator is null once a closed shard has been read to its end.</summary>
public sealed record GetRecordsResponse
{
    public List<Record> Records { get; init; } = [];
    public string? NextShardIterator { get; init; }
    public long? MillisBehindLatest { get; init; }
    public List<ChildShard>? ChildShards { get; init; }
}
