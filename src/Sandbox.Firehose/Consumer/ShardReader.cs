using Sandbox.Kinesis;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;

namespace Sandbox.Firehose.Consumer;

/// <summary>Reads one leased shard from its checkpoint on, remembering what was read and what was delivered.</summary>
public sealed class ShardReader(IKinesisClient kinesis, string stream, Lease lease, int limit)
{
    private string? _iterator;

    public string ShardId => lease.ShardId;
    public Lease Lease => lease;

    /// <summary>The closed shard has been read to its end (GetRecords gave no next iterator).</summary>
    public bool ReachedEnd { get; private set; }

    public string? LastRead { get; private set; }

    /// <summary>The last sequence number checkpointed by this reader (or the lease's starting checkpoint).</summary>
    public string? Delivered { get; set; } = lease.Checkpoint == Checkpoints.TrimHorizon ? null : lease.Checkpoint;

    public bool FullyDelivered => ReachedEnd && (LastRead is null || LastRead == Delivered);

    public async Task<IReadOnlyList<Record>> ReadAsync(CancellationToken cancellationToken)
    {
        if (ReachedEnd) return [];
        _iterator ??= await StartIteratorAsync(cancellationToken);
        GetRecordsResponse page;
        try
        {
            page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = _iterator, Limit = limit }, cancellationToken);
        }
        catch (ExpiredIteratorException)
        {
            _iterator = null; // restart after the last record read
            return [];
        }
        _iterator = page.NextShardIterator;
        ReachedEnd = _iterator is null;
        if (page.Records.Count > 0) LastRead = page.Records[^1].SequenceNumber;
        return page.Records;
    }

    private async Task<string> StartIteratorAsync(CancellationToken cancellationToken)
    {
        var after = LastRead ?? Delivered;
        var response = await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamName = stream,
            ShardId = ShardId,
            ShardIteratorType = after is null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            StartingSequenceNumber = after,
        }, cancellationToken);
        return response.ShardIterator;
    }
}
