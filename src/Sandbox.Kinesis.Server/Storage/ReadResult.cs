using System.Buffers;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>Records read from a shard; they and their bytes live in pooled arrays released on Dispose.</summary>
public sealed class ReadResult(RecordList records, long nextPosition, List<byte[]> buffers) : IDisposable
{
    public IReadOnlyList<StoredRecord> Records => records.Items;

    /// <summary>Position the next read should start at.</summary>
    public long NextPosition { get; } = nextPosition;

    public void Dispose()
    {
        foreach (var buffer in buffers) ArrayPool<byte>.Shared.Return(buffer);
        buffers.Clear();
        records.Dispose();
    }
}

/// <summary>A growable list on pooled arrays: a 10,000-record read would otherwise hit the large-object heap.</summary>
public sealed class RecordList(int initialCapacity) : IDisposable
{
    private StoredRecord[] _items = ArrayPool<StoredRecord>.Shared.Rent(initialCapacity);

    public int Count { get; private set; }

    public ArraySegment<StoredRecord> Items => new(_items, 0, Count);

    public void Add(StoredRecord record)
    {
        if (Count == _items.Length)
        {
            var bigger = ArrayPool<StoredRecord>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<StoredRecord>.Shared.Return(_items, clearArray: true);
            _items = bigger;
        }
        _items[Count++] = record;
    }

    public void Dispose()
    {
        ArrayPool<StoredRecord>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }
}

/// <summary>Where an appended batch landed: positions First..First+Count-1, all with one arrival time.</summary>
public readonly record struct AppendResult(long FirstPosition, long ArrivalMs);

/// <summary>The shard was closed by a resharding while a write was routed to it.</summary>
public sealed class ShardClosedException(string message) : Exception(message);
