using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Sandbox.Load.Integrity;

/// <summary>
/// 64-bit XxHash3 of an event id: the integrity check keeps 8 bytes per event instead of the id
/// (a 30M-event day would not fit as strings). Two ids of one day colliding is about a 1 in 40,000
/// chance at 30M events; a collision could only hide a missing id behind an identical hash.
/// </summary>
public static class EventIdHash
{
    public static ulong Of(string eventId) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(eventId.AsSpan()));

    /// <summary>Sorted, repeats removed, in place; the array's used length.</summary>
    public static int SortDistinct(ulong[] hashes, int count)
    {
        Array.Sort(hashes, 0, count);
        var distinct = 0;
        for (var i = 0; i < count; i++)
            if (distinct == 0 || hashes[distinct - 1] != hashes[i]) hashes[distinct++] = hashes[i];
        return distinct;
    }
}

/// <summary>A growing list of hashes (an archive's records arrive over the run).</summary>
public sealed class HashList
{
    private ulong[] _items = new ulong[1024];

    public int Count { get; private set; }

    public void Add(ulong hash)
    {
        lock (this)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = hash;
        }
    }

    /// <summary>The distinct hashes, sorted (for binary search).</summary>
    public ulong[] SortedDistinct()
    {
        lock (this)
        {
            var copy = _items[..Count];
            return copy[..EventIdHash.SortDistinct(copy, copy.Length)];
        }
    }
}
