namespace Sandbox.Firehose.Buffering;

/// <summary>What one delivery writes: records in the order they were read.</summary>
public sealed class DeliveryBatch
{
    public DeliveryBatch(IReadOnlyList<BufferedRecord> records)
    {
        if (records.Count == 0) throw new ArgumentException("a delivery batch needs at least one record", nameof(records));
        Records = records;
        Bytes = records.Sum(r => (long)r.Data.Length);
        OldestArrival = records.Min(r => r.ArrivalTime);
    }

    public IReadOnlyList<BufferedRecord> Records { get; }
    public long Bytes { get; }

    /// <summary>AWS names objects and fills !{timestamp} from the oldest record's arrival.</summary>
    public DateTimeOffset OldestArrival { get; }

    /// <summary>The last sequence number per shard: safe to checkpoint once the batch is delivered.</summary>
    public IReadOnlyDictionary<string, string> LastSequencePerShard =>
        Records.GroupBy(r => r.ShardId).ToDictionary(g => g.Key, g => g.Last().SequenceNumber);
}
