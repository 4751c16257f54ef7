using Amazon.DynamoDBv2;
using Sandbox.ClickLog.Handler;
using Sandbox.Load.Day;
using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Load.Integrity;

/// <summary>
/// The end of a load run, with `sandbox verify`'s readers (WarehouseFacts, ArchiveFacts via
/// <see cref="Monitoring.ArchiveTail"/>, ClickTableFacts): warehouse rows = distinct event ids =
/// the manifest's events and every id of the day's logs among them; the archive holds every id;
/// the click_logs table holds exactly the manifest's clicks. Failures name the first missing ids.
/// A window of the day is checked the same way against its own counts: its events from the manifest's
/// per-file lines, its clicks counted in the pass over its lines that collects the expected ids anyway.
/// </summary>
public sealed class IntegrityCheck(LoadDay day, WarehouseFacts warehouse, IAmazonDynamoDB dynamo, string clickTable)
{
    private const int Named = 5;

    public async Task<IntegrityResult> RunAsync(HashList archived, CancellationToken cancellationToken)
    {
        var (expected, clickIds) = ExpectedIds();
        var clicks = day.Clicks ?? clickIds.Count;
        var clicksSource = day.Clicks is null ? "clicks (counted in its lines)" : "clicks";
        var problems = new List<string>();
        var (rows, distinct) = await warehouse.RowCountsAsync();
        var inWarehouse = new bool[expected.Length];
        long strangers = 0;
        await warehouse.ForEachEventIdAsync(id =>
        {
            var at = Array.BinarySearch(expected, EventIdHash.Of(id));
            if (at >= 0) inWarehouse[at] = true;
            else strangers++;
        });
        var missingInWarehouse = Missing(expected, i => inWarehouse[i]);
        if (rows != distinct || distinct != day.Events || missingInWarehouse.Count > 0 || strangers > 0)
            problems.Add($"warehouse: {rows:N0} rows, {distinct:N0} distinct event ids, {EventsSource} {day.Events:N0} events; "
                         + $"{missingInWarehouse.Count:N0} of the day's ids missing{FirstIds(missingInWarehouse)}, {strangers:N0} ids not in the day");

        var archive = archived.SortedDistinct();
        var missingInArchive = Missing(expected, i => Array.BinarySearch(archive, expected[i]) >= 0);
        if (missingInArchive.Count > 0)
            problems.Add($"archive: {missingInArchive.Count:N0} of the day's {expected.Length:N0} ids missing{FirstIds(missingInArchive)}");

        var items = await ClickTableFacts.ScanAsync(dynamo, clickTable);
        var stored = items.Select(i => i.EventId).ToHashSet(StringComparer.Ordinal);
        var missingClicks = clickIds.Where(id => !stored.Contains(id)).Take(Named).ToList();
        if (items.Count != clicks || stored.Count != items.Count || missingClicks.Count > 0)
            problems.Add($"click_logs: {items.Count:N0} items ({stored.Count:N0} distinct events), {EventsSource} {clicks:N0} {clicksSource}"
                         + (missingClicks.Count > 0 ? $", first missing {string.Join(", ", missingClicks)}" : ""));

        var summary = $"warehouse {rows:N0} rows = {distinct:N0} distinct ids, {EventsSource} {day.Events:N0} events; "
                      + $"archive {archive.Length:N0} distinct ids; click_logs {items.Count:N0} items, {EventsSource} {clicks:N0} {clicksSource}";
        return new IntegrityResult(problems.Count == 0, summary, problems);

        // Hashes back to ids: one more pass over the logs, only when something is missing.
        string FirstIds(IReadOnlyList<ulong> missing) => missing.Count == 0 ? "" : $", first {string.Join(", ", IdsOf(missing.Take(Named).ToHashSet()))}";
    }

    /// <summary>The day's event ids as sorted hashes, and its click events' ids (a small share of the day).</summary>
    private (ulong[] Sorted, List<string> Clicks) ExpectedIds()
    {
        var hashes = new ulong[day.Lines];
        var count = 0;
        var clicks = new List<string>();
        foreach (var line in DayLines())
        {
            if (LogLine.EventId(line) is not { } id) continue;
            hashes[count++] = EventIdHash.Of(id);
            if (line.Contains(ClickEvent.EventName, StringComparison.Ordinal) && LogLine.Envelope(line)?.EventName == ClickEvent.EventName) clicks.Add(id);
        }
        return (hashes[..EventIdHash.SortDistinct(hashes, count)], clicks);
    }

    private string EventsSource => day.Window is null ? "manifest" : "window";

    private static List<ulong> Missing(ulong[] expected, Func<int, bool> present)
    {
        var missing = new List<ulong>();
        for (var i = 0; i < expected.Length; i++)
            if (!present(i)) missing.Add(expected[i]);
        return missing;
    }

    private IEnumerable<string> IdsOf(HashSet<ulong> hashes) =>
        DayLines().Select(LogLine.EventId).OfType<string>().Where(id => hashes.Contains(EventIdHash.Of(id))).Distinct().Order(StringComparer.Ordinal);

    private IEnumerable<string> DayLines() => day.Files.SelectMany(LogFiles.ReadLines);
}

public sealed record IntegrityResult(bool Holds, string Summary, IReadOnlyList<string> Problems);
