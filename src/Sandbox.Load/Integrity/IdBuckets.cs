namespace Sandbox.Load.Integrity;

/// <summary>
/// The integrity check's id hashes, side by side, spilled to one folder of the run (one file per side
/// and bucket): the day's ids and its clicks' ids from the logs, the warehouse's rows, the archive's
/// records (appended while the run goes on), the click table's items. <see cref="Delete"/> when done.
/// </summary>
public sealed class IdBuckets
{
    public IdBuckets(string folder, BucketLayout layout)
    {
        Folder = folder;
        Layout = layout;
        Day = new HashSpill(folder, "day", layout);
        DayClicks = new HashSpill(folder, "day-clicks", layout);
        Warehouse = new HashSpill(folder, "warehouse", layout);
        Archive = new HashSpill(folder, "archive", layout);
        ClickTable = new HashSpill(folder, "click-table", layout);
    }

    public string Folder { get; }
    public BucketLayout Layout { get; }
    public HashSpill Day { get; }
    public HashSpill DayClicks { get; }
    public HashSpill Warehouse { get; }
    public HashSpill Archive { get; }
    public HashSpill ClickTable { get; }

    /// <summary>Empty buckets sized for a day of <paramref name="ids"/> events (<see cref="BucketLayout.For"/>): a folder left by another run is emptied first.</summary>
    public static IdBuckets For(string folder, long ids)
    {
        var buckets = new IdBuckets(folder, BucketLayout.For(ids));
        buckets.Delete();
        return buckets;
    }

    public void Delete()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
