namespace Sandbox.Kinesis.Server.Limits;

/// <summary>Per-shard quotas of a provisioned Kinesis shard: 1 MiB/s or 1,000 records/s in; 2 MiB/s and 5 reads/s out.</summary>
public sealed class ShardThrottle
{
    public const int RecordsInPerSecond = 1000;
    public const int BytesInPerSecond = 1024 * 1024;
    public const int BytesOutPerSecond = 2 * 1024 * 1024;
    public const int ReadsPerSecond = 5;

    private readonly Lock _lock = new();
    private readonly TokenBucket _recordsIn;
    private readonly TokenBucket _bytesIn;
    private readonly TokenBucket _bytesOut;
    private readonly TokenBucket _reads;

    public ShardThrottle(TimeProvider time)
    {
        _recordsIn = new TokenBucket(RecordsInPerSecond, RecordsInPerSecond, time);
        _bytesIn = new TokenBucket(BytesInPerSecond, BytesInPerSecond, time);
        _bytesOut = new TokenBucket(BytesOutPerSecond, BytesOutPerSecond, time);
        _reads = new TokenBucket(ReadsPerSecond, ReadsPerSecond, time);
    }

    /// <summary>Admits one record of <paramref name="bytes"/> (data + partition key) or refuses it.</summary>
    public bool TryAdmitRecord(int bytes)
    {
        lock (_lock)
        {
            if (!_recordsIn.TryTake(1)) return false;
            if (_bytesIn.TryTake(bytes)) return true;
            _recordsIn.Refund(1);
            return false;
        }
    }

    /// <summary>Admits a GetRecords call unless the shard is over 5 calls/s or still paying back read bytes.</summary>
    public bool TryStartRead()
    {
        lock (_lock)
        {
            if (_bytesOut.Available < 0) return false;
            return _reads.TryTake(1);
        }
    }

    public void ChargeRead(long bytes)
    {
        lock (_lock) _bytesOut.Charge(bytes);
    }
}
