using System.Buffers;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>Records read from a shard; they point into pooled buffers released on Dispose.</summary>
public sealed class ReadResult(List<StoredRecord> records, long nextPosition, List<byte[]> buffers) : IDisposable
{
    public IReadOnlyList<StoredRecord> Records { get; } = records;

    /// <summary>Position the next read should start at.</summary>
    public long NextPosition { get; } = nextPosition;

    public void Dispose()
    {
        foreach (var buffer in buffers) ArrayPool<byte>.Shared.Return(buffer);
        buffers.Clear();
    }
}

/// <summary>Where an appended batch landed: positions First..First+Count-1, all with one arrival time.</summary>
public readonly record struct AppendResult(long FirstPosition, long ArrivalMs);

/// <summary>The shard was closed by a resharding while a write was routed to it.</summary>
public sealed class ShardClosedException(string message) : Exception(message);
