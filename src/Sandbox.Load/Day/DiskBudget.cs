namespace Sandbox.Load.Day;

/// <summary>
/// What a run of N events writes to disk, store by store, from bytes per event measured during
/// `sandbox load` runs (docs/BENCHMARKS.md, "Disk per 1M events"), so a day that cannot fit is
/// refused before anything starts instead of filling the disk half way through.
/// </summary>
public static class DiskBudget
{
    /// <summary>Bytes each store holds per event at the run's peak (the run's stream, buckets and database are dropped after it).</summary>
    public static readonly IReadOnlyList<(string Store, double BytesPerEvent)> PerEvent =
    [
        (DayFiles, 435),             // the generated app logs (kept for the next run of the same size and seed)
        ("Kinesis engine", 470),     // the record frames; kept for the stream's 24 h retention, as on AWS
        (Staging, 440),              // Firehose's staged JSON lines and manifests (AWS keeps them; a run expires them once loaded)
        ("S3 archive", 80),          // the gzip archive
        ("warehouse", 780),          // events with their indexes, load tables, WAL
        ("DynamoDB", 95),            // click items (~10 % of events) and leases in sandbox-dynamodb's SQLite files: ~900 B per click item (608 in its former logs, 63 B per event in the 30M run; dynalite's store took 330)
        ("integrity id hashes", 26), // the run folder's id buckets at the end check: 8 B per event each for the day, the warehouse and the archive, the clicks' two sides
    ];

    public const string DayFiles = "day files", Staging = "S3 staging";

    /// <summary>Kept free beyond the estimate: the estimate's error and everyone else on the disk.</summary>
    public const double Margin = 0.10;

    public static long MinimumSpare => 2L << 30;

    /// <summary>
    /// Bytes per store: the day files for the day's <paramref name="dayEvents"/>, only when the day is still to be
    /// generated; the stores for the <paramref name="runEvents"/> a run replays (a peak window holds fewer than the
    /// day); the staged objects only when the run keeps them (--keep; otherwise they go once loaded, within the margin).
    /// </summary>
    /// <paramref name="liveBytes"/>: the app servers' live logs of a --speed K run (<see cref="LiveLogs"/>), 0 at --speed max.
    public static IReadOnlyList<(string Store, long Bytes)> Estimate(long dayEvents, long runEvents, bool dayOnDisk, bool keepsStaging, long liveBytes = 0) =>
        PerEvent.Where(p => !(dayOnDisk && p.Store == DayFiles) && !(!keepsStaging && p.Store == Staging))
            .Select(p => (p.Store, (long)Math.Ceiling(p.BytesPerEvent * (p.Store == DayFiles ? dayEvents : runEvents))))
            .Concat(liveBytes > 0 ? [(LiveLogsStore, liveBytes)] : [])
            .ToList();

    public const string LiveLogsStore = "live logs";

    /// <summary>
    /// The live folder of a --speed K run: the hour being written and the one before it, which the shipper may
    /// still be reading (<see cref="LiveRotation"/> deletes older ones; all of them with --keep). A day not yet
    /// generated is sized from its events, its busiest hour taken as a tenth of it.
    /// </summary>
    public static long LiveLogs(LoadDay? replayed, long events, bool keep)
    {
        if (replayed is null) return (long)(PerEvent.Single(p => p.Store == DayFiles).BytesPerEvent * events * (keep ? 1 : 0.2));
        return keep ? replayed.Hours.Sum(h => h.Bytes) : 2 * replayed.Hours.Max(h => h.Bytes);
    }

    /// <summary>The estimate with its margin; what must be free before the run starts.</summary>
    public static long Needed(IReadOnlyList<(string Store, long Bytes)> estimate)
    {
        var total = estimate.Sum(e => e.Bytes);
        return total + Math.Max((long)(total * Margin), MinimumSpare);
    }

    /// <summary>One line: the estimate per store for <paramref name="replayed"/> against what is free; <paramref name="enough"/> says whether it fits.</summary>
    public static string Describe(string replayed, IReadOnlyList<(string Store, long Bytes)> estimate, long freeBytes, string where, out bool enough)
    {
        var needed = Needed(estimate);
        enough = freeBytes >= needed;
        var parts = string.Join(", ", estimate.Select(e => $"{e.Store} {Gb(e.Bytes)}"));
        return $"disk: {replayed}: about {Gb(estimate.Sum(e => e.Bytes))} ({parts}) + margin = {Gb(needed)}; {Gb(freeBytes)} free on the disk of {where}";
    }

    /// <summary>Free bytes for an unprivileged writer on the filesystem holding <paramref name="folder"/> (its nearest existing parent).</summary>
    public static long FreeBytes(string folder, out string where)
    {
        var path = Path.GetFullPath(folder);
        while (!Directory.Exists(path)) path = Path.GetDirectoryName(path) ?? "/";
        var drive = new DriveInfo(path);
        where = path;
        return drive.AvailableFreeSpace;
    }

    public static string Gb(long bytes) => $"{bytes / 1e9:0.0} GB";
}
