namespace Sandbox.Firehose.Buffering;

/// <summary>Collects records until the size or interval hint says deliver. Not thread-safe: one consumer loop owns it.</summary>
public sealed class RecordBuffer(BufferingHints hints, TimeProvider clock)
{
    private readonly List<BufferedRecord> _records = [];
    private DateTimeOffset _firstAddedAt;

    public int Count => _records.Count;
    public long Bytes { get; private set; }

    public bool IsFull => Bytes >= hints.SizeBytes;

    public bool IsDue => _records.Count > 0 && clock.GetUtcNow() - _firstAddedAt >= hints.Interval;

    public bool ShouldFlush => IsFull || IsDue;

    /// <summary>How long until the interval hint fires; null while empty.</summary>
    public TimeSpan? TimeUntilDue => _records.Count == 0 ? null
        : TimeSpan.FromTicks(Math.Max(0, (hints.Interval - (clock.GetUtcNow() - _firstAddedAt)).Ticks));

    public void Add(BufferedRecord record)
    {
        if (_records.Count == 0) _firstAddedAt = clock.GetUtcNow();
        _records.Add(record);
        Bytes += record.Data.Length;
    }

    public DeliveryBatch Drain()
    {
        var batch = new DeliveryBatch(_records.ToArray());
        _records.Clear();
        Bytes = 0;
        return batch;
    }
}
