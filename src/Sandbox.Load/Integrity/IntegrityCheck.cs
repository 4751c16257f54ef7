using Amazon.DynamoDBv2;
using Sandbox.ClickLog.Handler;
using Sandbox.Load.Day;
using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Load.Integrity;

/// <summary>
/// The end of a load run, with `sandbox verify`'s readers (WarehouseFacts, ArchiveFacts via
/// <see cref="Monitoring.ArchiveTail"/>, ClickTableFacts): every side's id hashes are spilled into
/// <see cref="IdBuckets"/> (the archive's during the run), then compared bucket by bucket
/// (<see cref="IdComparison"/>) and judged (<see cref="IntegrityVerdict"/>). Memory does not grow
/// with the day: the ids stream from the logs, the warehouse and the click table to disk.
/// A window of the day is checked the same way against its own counts: its events from the manifest's
/// per-file lines, its clicks counted in the pass over its lines that spills the day's ids anyway.
/// </summary>
public sealed class IntegrityCheck(LoadDay day, WarehouseFacts warehouse, IAmazonDynamoDB dynamo, string clickTable, IdBuckets buckets)
{
    public async Task<IntegrityResult> RunAsync(CancellationToken cancellationToken)
    {
        // The logs are this process's CPU, the table reads the servers': side by side.
        await Task.WhenAll(
            Task.Run(SpillDay, cancellationToken),
            warehouse.ForEachEventIdAsync(id => buckets.Warehouse.Add(EventIdHash.Of(id))),
            ClickTableFacts.ForEachEventIdAsync(dynamo, clickTable, id => buckets.ClickTable.Add(EventIdHash.Of(id)), cancellationToken));
        var ids = IdComparison.Of(buckets, IntegrityVerdict.Named);
        var rows = await IntegrityVerdict.WarehouseRowsAsync(ids.Warehouse, warehouse.RowCountsAsync);
        var clicksInLines = buckets.DayClicks.Count;
        var totals = day.Window is null ? new DayTotals(day.Events, day.Clicks ?? clicksInLines) : new DayTotals(day.Events, clicksInLines, Window: true);
        return IntegrityVerdict.Judge(totals, ids, rows, NamesOf);
    }

    private void SpillDay()
    {
        foreach (var line in DayLines())
        {
            if (LogLine.EventId(line) is not { } id) continue;
            var hash = EventIdHash.Of(id);
            buckets.Day.Add(hash);
            if (line.Contains(ClickEvent.EventName, StringComparison.Ordinal) && LogLine.Envelope(line)?.EventName == ClickEvent.EventName)
                buckets.DayClicks.Add(hash);
        }
    }

    private IReadOnlyDictionary<ulong, string> NamesOf(IReadOnlySet<ulong> hashes)
    {
        var names = new Dictionary<ulong, string>();
        foreach (var id in DayLines().Select(LogLine.EventId).OfType<string>())
            if (EventIdHash.Of(id) is var hash && hashes.Contains(hash)) names.TryAdd(hash, id);
        return names;
    }

    private IEnumerable<string> DayLines() => day.Files.SelectMany(LogFiles.ReadLines);
}
