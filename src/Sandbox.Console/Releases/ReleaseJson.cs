using Sandbox.Analytics.Definitions;
using Sandbox.ReleaseCheck;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.Console.Releases;

/// <summary>The release list and one release's check as JSON: the CLI's figures as numbers, its verdicts as its words.</summary>
public static class ReleaseJson
{
    public static object Listing(Checked<IReadOnlyList<RecentRelease>> list, int days) => new
    {
        days,
        checkedAt = list.CheckedAt,
        releases = list.Value.Select(r => new
        {
            version = r.Release.Version,
            releaseDay = Day(r.Release.ReleaseDay),
            previousVersion = r.Release.PreviousVersion,
            verdict = r.Report is { } report ? Figures.Verdict(report.Overall) : null,
            worse = r.Report?.Worse.Select(m => m.Name),
            better = r.Report?.Better.Select(m => m.Name),
            notYet = r.NotYet,
            url = $"/api/releases/{Uri.EscapeDataString(r.Release.Version)}",
        }),
    };

    public static object Report(Checked<ReleaseReport> check) => Report(check.Value, check.CheckedAt);

    private static object Report(ReleaseReport report, DateTimeOffset checkedAt) => new
    {
        checkedAt,
        version = report.Version,
        previousVersion = report.PreviousVersion,
        releaseDay = Day(report.ReleaseDay),
        after = Range(report.After),
        before = report.Before is { } before ? Range(before) : null,
        familyConfidence = report.FamilyConfidence,
        verdict = Figures.Verdict(report.Overall),
        summary = ReleaseText.Verdict(report),
        method = ReleaseText.Method(report),
        metrics = report.Metrics.Select(m => new
        {
            name = m.Name,
            kind = m.Kind == MetricKind.FunnelStep ? "funnel_step" : "kpi",
            description = m.Description,
            verdict = Figures.Verdict(m.Verdict),
            vsPrevious = Comparison(m.VsPrevious),
            beforeAfter = Comparison(m.BeforeAfter),
        }),
    };

    private static object Comparison(ProportionComparison c) => new
    {
        candidate = Side(c.Candidate),
        baseline = Side(c.Baseline),
        difference = c.Difference,
        low = c.Low,
        high = c.High,
        pValue = c.PValue,
        confidence = c.Confidence,
        verdict = Figures.Verdict(c.Verdict),
    };

    private static object Side(Proportion p) => new { successes = p.Successes, trials = p.Trials, rate = p.Rate };

    private static object Range(DateRange range) => new { from = Day(range.From), to = Day(range.To) };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
