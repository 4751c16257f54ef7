namespace Sandbox.Kinesis.Server.Storage;

/// <summary>Where every Nth record of a segment starts: (position, file offset, arrival ms).</summary>
public readonly record struct IndexEntry(long Position, long Offset, long ArrivalMs)
{
    public const int Size = 24;
}

/// <summary>
/// Append-only, in-memory sparse index of one segment. One writer (under the shard's append lock),
/// many lock-free readers: entries are published before the count that makes them visible.
/// </summary>
internal sealed class SparseIndex
{
    private IndexEntry[] _entries = new IndexEntry[64];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add(IndexEntry entry)
    {
        var entries = _entries;
        if (_count == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
            Volatile.Write(ref _entries, entries);
        }
        entries[_count] = entry;
        Volatile.Write(ref _count, _count + 1);
    }

    public void TruncateTo(int count) => Volatile.Write(ref _count, Math.Min(count, _count));

    public IndexEntry? Last
    {
        get
        {
            var (entries, count) = Snapshot();
            return count == 0 ? null : entries[count - 1];
        }
    }

    /// <summary>The last entry at or before <paramref name="position"/>, if any.</summary>
    public IndexEntry? FloorByPosition(long position) => Floor(position, static e => e.Position);

    /// <summary>The last entry that arrived strictly before <paramref name="arrivalMs"/>, if any.</summary>
    public IndexEntry? FloorByArrivalBefore(long arrivalMs) => Floor(arrivalMs - 1, static e => e.ArrivalMs);

    private IndexEntry? Floor(long key, Func<IndexEntry, long> keyOf)
    {
        var (entries, count) = Snapshot();
        int low = 0, high = count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (keyOf(entries[mid]) <= key) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found < 0 ? null : entries[found];
    }

    public IndexEntry[] ToArray()
    {
        var (entries, count) = Snapshot();
        return entries.AsSpan(0, count).ToArray();
    }

    private (IndexEntry[] Entries, int Count) Snapshot()
    {
        var entries = Volatile.Read(ref _entries);
        return (entries, Math.Min(Volatile.Read(ref _count), entries.Length));
    }
}
