namespace Sandbox.Load.Integrity;

/// <summary>
/// What a complete delivery holds: the manifest's events and clicks, or for a window of the day
/// (<paramref name="Window"/>) its files' lines and the clicks counted in them.
/// </summary>
public sealed record DayTotals(long Events, long Clicks, bool Window = false)
{
    public string Source => Window ? "window" : "manifest";
    public string ClicksText => Window ? $"{Clicks:N0} clicks (counted in its lines)" : $"{Clicks:N0} clicks";
}

/// <summary>
/// The verdict of the end check from the compared sides: warehouse rows = distinct ids = the manifest's events,
/// every day id in it and none other; every day id in the archive; click items = distinct = the manifest's
/// clicks, every click id among them. A failure names the first missing ids.
/// </summary>
public static class IntegrityVerdict
{
    /// <summary>Missing ids named per failure.</summary>
    public const int Named = 5;

    /// <summary>
    /// Rows and distinct ids of the warehouse: from its streamed hashes when they are all distinct (then so are the ids);
    /// otherwise (a repeat, or two ids sharing a hash) its own count, which a 30M-row table takes a while to give.
    /// </summary>
    public static async Task<(long Rows, long Distinct)> WarehouseRowsAsync(SideTally warehouse, Func<Task<(long Rows, long DistinctIds)>> counted) =>
        warehouse.Distinct == warehouse.Rows ? (warehouse.Rows, warehouse.Rows) : await counted();

    /// <param name="warehouseRows">Rows and distinct event ids of the warehouse's events table (exact, not by hash).</param>
    /// <param name="namesOf">The day's ids of these hashes (one more pass over its logs: called only when something is missing).</param>
    public static IntegrityResult Judge(DayTotals day, IdComparison ids, (long Rows, long Distinct) warehouseRows,
        Func<IReadOnlySet<ulong>, IReadOnlyDictionary<ulong, string>> namesOf)
    {
        var (warehouse, archive, clicks) = (ids.Warehouse, ids.Archive, ids.ClickTable);
        var missing = warehouse.FirstMissing.Concat(archive.FirstMissing).Concat(clicks.FirstMissing).ToHashSet();
        var names = missing.Count == 0 ? new Dictionary<ulong, string>() : namesOf(missing);
        var (rows, distinct) = warehouseRows;
        var problems = new List<string>();
        if (rows != distinct || distinct != day.Events || warehouse.Missing > 0 || warehouse.Strangers > 0)
            problems.Add($"warehouse: {rows:N0} rows, {distinct:N0} distinct event ids, {day.Source} {day.Events:N0} events; "
                         + $"{warehouse.Missing:N0} of the day's ids missing{First(warehouse)}, {warehouse.Strangers:N0} ids not in the day");
        if (archive.Missing > 0)
            problems.Add($"archive: {archive.Missing:N0} of the day's {ids.DayIds:N0} ids missing{First(archive)}");
        if (clicks.Rows != day.Clicks || clicks.Distinct != clicks.Rows || clicks.Missing > 0)
            problems.Add($"click_logs: {clicks.Rows:N0} items ({clicks.Distinct:N0} distinct events), {day.Source} {day.ClicksText}"
                         + (clicks.Missing > 0 ? $", first missing {Names(clicks)}" : ""));
        var summary = $"warehouse {rows:N0} rows = {distinct:N0} distinct ids, {day.Source} {day.Events:N0} events; "
                      + $"archive {archive.Distinct:N0} distinct ids; click_logs {clicks.Rows:N0} items, {day.Source} {day.ClicksText}";
        return new IntegrityResult(problems.Count == 0, summary, problems);

        string First(SideTally side) => side.Missing == 0 ? "" : $", first {Names(side)}";

        // A hash the logs did not name (cannot happen for the day's own hashes) is shown as one.
        string Names(SideTally side) =>
            string.Join(", ", side.FirstMissing.Select(h => names.GetValueOrDefault(h) ?? $"hash {h:x16}").Order(StringComparer.Ordinal));
    }
}

public sealed record IntegrityResult(bool Holds, string Summary, IReadOnlyList<string> Problems);
