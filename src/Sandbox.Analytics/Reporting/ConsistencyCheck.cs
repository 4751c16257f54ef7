using Sandbox.Analytics.Definitions;
using Sandbox.Generator.Truth;

namespace Sandbox.Analytics.Reporting;

/// <summary>
/// "warehouse = lake = manifest: N events": the event counts of every source for the report's days,
/// and whether the engines agree on every figure of the report.
/// </summary>
public sealed record ConsistencyCheck(IReadOnlyList<(string Source, long Events)> Counts, IReadOnlyList<string> Differences)
{
    public bool Consistent => Counts.Select(c => c.Events).Distinct().Count() == 1 && Differences.Count == 0;

    public static ConsistencyCheck Of(IReadOnlyList<KpiReport> reports, GenerationTruth? manifest, DateRange range)
    {
        var counts = reports.Select(r => (r.Source, r.Events)).ToList();
        if (manifest is not null) counts.Add(("manifest", ManifestEvents(manifest, range)));
        var differences = reports.Skip(1).SelectMany(other => ReportComparer.Differences(reports[0], other)).ToList();
        return new ConsistencyCheck(counts, differences);
    }

    /// <summary>The manifest counts by true event time: equal to event_time counts unless clock-skew faults were injected.</summary>
    public static long ManifestEvents(GenerationTruth manifest, DateRange range) =>
        manifest.Days.Where(d => range.Contains(d.Date)).Sum(d => d.Events);

    public string Line => Consistent
        ? $"{string.Join(" = ", Counts.Select(c => c.Source))}: {Counts[0].Events:N0} events"
        : $"MISMATCH {string.Join(" / ", Counts.Select(c => $"{c.Source} {c.Events:N0}"))} events{(Differences.Count > 0 ? $"; {string.Join("; ", Differences)}" : "")}";
}
