namespace Sandbox.Load.Integrity;

/// <summary>
/// The spilled sides compared bucket by bucket (<see cref="IdBuckets"/>): the warehouse and the
/// archive against the day's ids, the click table against the day's click ids. One bucket of each
/// side is in memory at a time (about a megabyte each), however long the day.
/// </summary>
public sealed record IdComparison(long DayIds, SideTally Warehouse, SideTally Archive, SideTally ClickTable)
{
    public static IdComparison Of(IdBuckets buckets, int keptMissing)
    {
        var (warehouse, archive, clickTable) = (new SideTally(keptMissing), new SideTally(keptMissing), new SideTally(keptMissing));
        long dayIds = 0;
        for (var bucket = 0; bucket < buckets.Layout.Count; bucket++)
        {
            var day = SortedDistinct(buckets.Day.ReadBucket(bucket));
            dayIds += day.Length;
            warehouse.Add(day, buckets.Warehouse.ReadBucket(bucket));
            archive.Add(day, buckets.Archive.ReadBucket(bucket));
            clickTable.Add(SortedDistinct(buckets.DayClicks.ReadBucket(bucket)), buckets.ClickTable.ReadBucket(bucket));
        }
        return new IdComparison(dayIds, warehouse, archive, clickTable);
    }

    private static ReadOnlySpan<ulong> SortedDistinct(ulong[] hashes) => hashes.AsSpan(0, EventIdHash.SortDistinct(hashes, hashes.Length));
}
