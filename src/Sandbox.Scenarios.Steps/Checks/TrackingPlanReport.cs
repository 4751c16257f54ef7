using Sandbox.Scenarios.Steps.Sources;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>One kind of tracking-plan break: which event, which violation at which path, which app_version, how many lines.</summary>
public sealed record ViolationGroup(string EventName, string Type, string Path, string AppVersion, long Lines)
{
    public override string ToString() => $"{EventName}: {Type} at {Path}, app_version {AppVersion}: {Lines} events";
}

/// <summary>
/// What broke, in which release, how often, for a release manager: the loaded events' violations
/// (event_violations: the events are in the warehouse) and the lines the warehouse could not store
/// (bad_events).
/// </summary>
public sealed record TrackingPlanReport(IReadOnlyList<ViolationGroup> Groups)
{
    public long Lines => Groups.Sum(g => g.Lines);

    public static TrackingPlanReport From(IEnumerable<BadEvent> badEvents, IEnumerable<ViolationGroup>? loadedEventViolations = null) => new(
        badEvents
            .SelectMany(b =>
            {
                var (name, version) = SourceLog.NameAndVersion(b.Raw);
                return b.Violations.Select(v => new ViolationGroup(name, v.Type, v.Path, version ?? "?", 1));
            })
            .Concat(loadedEventViolations ?? [])
            .GroupBy(g => (g.EventName, g.Type, g.Path, g.AppVersion))
            .Select(g => new ViolationGroup(g.Key.EventName, g.Key.Type, g.Key.Path, g.Key.AppVersion, g.Sum(x => x.Lines)))
            .OrderByDescending(g => g.Lines).ThenBy(g => g.EventName, StringComparer.Ordinal)
            .ToList());

    public string Describe() =>
        $"{Groups.Count} kind(s) of tracking-plan violation in the warehouse (event_violations, bad_events):\n"
        + string.Join("\n", Groups.Select(g => $"  {g}"));
}
