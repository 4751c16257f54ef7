using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;

namespace Sandbox.Kinesis.Consumer;

/// <summary>Reads one leased shard from its checkpoint on, remembering what was read and what was delivered.</summary>
/// <param name="start">Where a shard without a checkpoint is first read; TRIM_HORIZON when null.</param>
public sealed class ShardReader(IKinesisClient kinesis, string stream, Lease lease, int limit, StartingPosition? start = null)
{
    /// <summary>AWS allows 5 GetRecords calls per second per shard across all consumers.</summary>
    public static readonly TimeSpan MinCallInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>After a throttle, like KCL: wait, then read on from the same iterator (it stays valid).</summary>
    public static readonly TimeSpan ThrottleBackoff = TimeSpan.FromSeconds(1);

    private string? _iterator;
    private long _nextCallAt;

    public string ShardId => lease.ShardId;
    public Lease Lease => lease;

    /// <summary>The closed shard has been read to its end (GetRecords gave no next iterator).</summary>
    public bool ReachedEnd { get; private set; }

    public string? LastRead { get; private set; }

    /// <summary>
    /// The last page was not the shard's tip (records came back and MillisBehindLatest was above 0):
    /// read again as soon as <see cref="UntilNextCall"/> allows rather than after an idle pause.
    /// </summary>
    public bool Behind { get; private set; }

    /// <summary>How long until this reader may call GetRecords again (its per-shard call spacing).</summary>
    public TimeSpan UntilNextCall => TimeSpan.FromMilliseconds(Math.Max(0, _nextCallAt - Environment.TickCount64));

    /// <summary>GetRecords calls refused for the shard's read quota so far.</summary>
    public int Throttled { get; private set; }

    /// <summary>The last sequence number checkpointed by this reader (or the lease's starting checkpoint).</summary>
    public string? Delivered { get; set; } = lease.Checkpoint == Checkpoints.TrimHorizon ? null : lease.Checkpoint;

    public bool FullyDelivered => ReachedEnd && (LastRead is null || LastRead == Delivered);

    public async Task<IReadOnlyList<Record>> ReadAsync(CancellationToken cancellationToken)
    {
        if (ReachedEnd || Environment.TickCount64 < _nextCallAt) return [];
        _nextCallAt = Environment.TickCount64 + (long)MinCallInterval.TotalMilliseconds;
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
        catch (ProvisionedThroughputExceededException)
        {
            // Other consumers share the shard's read quota: a throttle is a pause, never a reason to stop.
            Throttled++;
            Behind = false;
            _nextCallAt = Environment.TickCount64 + (long)ThrottleBackoff.TotalMilliseconds;
            return [];
        }
        _iterator = page.NextShardIterator;
        ReachedEnd = _iterator is null;
        Behind = !ReachedEnd && page.Records.Count > 0 && page.MillisBehindLatest is > 0;
        if (page.Records.Count > 0) LastRead = page.Records[^1].SequenceNumber;
        return page.Records;
    }

    private async Task<string> StartIteratorAsync(CancellationToken cancellationToken)
    {
        var after = LastRead ?? Delivered;
        // A child shard is read from its start once its parents are done, whatever the start of the stream was (as KCL does).
        var first = lease.ParentShardIds.Count > 0 ? StartingPosition.TrimHorizon : start ?? StartingPosition.TrimHorizon;
        var response = await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamName = stream,
            ShardId = ShardId,
            ShardIteratorType = after is null ? first.IteratorType : ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            StartingSequenceNumber = after,
            Timestamp = after is null ? first.Timestamp : null,
        }, cancellationToken);
        return response.ShardIterator;
    }
}
