namespace Sandbox.Shipper;

/// <summary>
/// What the shipper saw beyond the shared in/out/rejected/retried counters. Thread-safe.
/// Lines shipped with a fallback key are in Out (Firehose's tracking-plan check routes them to bad_events).
/// </summary>
public sealed class ShipperStats
{
    private long _notJson, _noId, _emptyLines, _tooLarge, _failedRecords, _throttled, _chunks, _recovered, _bytesRead;

    /// <summary>Shipped with a fallback key because the line is not a JSON object.</summary>
    public long NotJson => Interlocked.Read(ref _notJson);
    /// <summary>Shipped with a fallback key because the line names neither user_id nor anonymous_id.</summary>
    public long NoId => Interlocked.Read(ref _noId);
    public long EmptyLines => Interlocked.Read(ref _emptyLines);
    public long TooLarge => Interlocked.Read(ref _tooLarge);
    /// <summary>Records still unsent when a send round gave up; they stay buffered and go again.</summary>
    public long FailedRecords => Interlocked.Read(ref _failedRecords);
    /// <summary>
    /// Record sends Kinesis refused for the shard's write quota (ProvisionedThroughputExceededException):
    /// normal backpressure, resent by the retry layer; a count in the progress line, not a warning.
    /// </summary>
    public long Throttled => Interlocked.Read(ref _throttled);
    public long ChunksSpilled => Interlocked.Read(ref _chunks);
    public long RecoveredRecords => Interlocked.Read(ref _recovered);
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    internal void AddNotJson() => Interlocked.Increment(ref _notJson);
    internal void AddNoId() => Interlocked.Increment(ref _noId);
    internal void AddEmptyLine() => Interlocked.Increment(ref _emptyLines);
    internal void AddTooLarge() => Interlocked.Increment(ref _tooLarge);
    internal void AddFailed(long records) => Interlocked.Add(ref _failedRecords, records);
    internal void AddThrottled(long records) => Interlocked.Add(ref _throttled, records);
    internal void AddChunk() => Interlocked.Increment(ref _chunks);
    internal void AddRecovered(long records) => Interlocked.Add(ref _recovered, records);
    internal void AddBytesRead(long bytes) => Interlocked.Add(ref _bytesRead, bytes);

    public override string ToString() =>
        $"fallback keys: not JSON {NotJson}, no id {NoId}; rejected: empty {EmptyLines}, too large {TooLarge}; "
        + $"throttled {Throttled}, failed sends {FailedRecords}, chunks {ChunksSpilled}, recovered {RecoveredRecords}";
}
