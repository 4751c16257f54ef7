using Sandbox.Scenarios.Steps.Sources;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>One kind of tracking-plan break: which event, which violation at which path, which app_version, how many lines.</summary>
public sealed record ViolationGroup(string EventName, string Type, string Path, string AppVersion, long Lines)
{
    public override string ToString() => $"{EventName}: {Type} at {Path}, app_version {AppVersion}: {Lines} events";
}

/// <summary>The warehouse's bad_events grouped for a release manager: what broke, in which release, how often.</summary>
public sealed record TrackingPlanReport(IReadOnlyList<ViolationGroup> Groups)
{
    public long Lines => Groups.Sum(g => g.Lines);

    public static TrackingPlanReport From(IEnumerable<BadEvent> badEvents) => new(
        badEvents
            .SelectMany(b =>
            {
                var (name, version) = SourceLog.NameAndVersion(b.Raw);
                return b.Violations.Select(v => (name, v.Type, v.Path, Version: version ?? "?"));
            })
            .GroupBy(x => x)
            .Select(g => new ViolationGroup(g.Key.name, g.Key.Type, g.Key.Path, g.Key.Version, g.LongCount()))
            .OrderByDescending(g => g.Lines).ThenBy(g => g.EventName, StringComparer.Ordinal)
            .ToList());

    public string Describe() =>
        $"{Groups.Count} kind(s) of tracking-plan violation in the warehouse's bad_events:\n"
        + string.Join("\n", Groups.Select(g => $"  {g}"));
}
