using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Sandbox.Load.Integrity;

/// <summary>
/// 64-bit XxHash3 of an event id: the integrity check spills 8 bytes per event instead of the id
/// (<see cref="HashSpill"/>). Two ids of one day colliding is about a 1 in 40,000 chance at 30M
/// events; a collision could only hide a missing id behind an identical hash.
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
