using System.Text;

namespace Sandbox.ReleaseCheck.Reporting;

/// <summary>The release check as a plain-text table (the CLI's output).</summary>
public static class ReleaseText
{
    public static string Render(ReleaseReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"release check: {report.Version} (released {report.ReleaseDay:yyyy-MM-dd}) against {report.PreviousVersion}");
        foreach (var line in Method(report)) text.AppendLine($"  {line}");
        text.AppendLine();
        var rows = report.Metrics.Select(m => new[]
        {
            m.Name, Figures.Rate(m.VsPrevious.Candidate), Figures.Rate(m.VsPrevious.Baseline), Figures.Difference(m.VsPrevious), Figures.Verdict(m.VsPrevious.Verdict),
            Figures.Rate(m.BeforeAfter.Candidate), Figures.Rate(m.BeforeAfter.Baseline), Figures.Difference(m.BeforeAfter), Figures.Verdict(m.BeforeAfter.Verdict),
        }).ToList();
        string[] header = ["metric", report.Version, report.PreviousVersion, "difference", "by version", "after", "before", "difference", "before/after"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        text.AppendLine();
        text.AppendLine($"verdict: {Verdict(report)}");
        return text.ToString();
    }

    /// <summary>What was compared with what, and how (the console shows the same lines above its table).</summary>
    public static IReadOnlyList<string> Method(ReleaseReport report) =>
    [
        $"by version: established users (no install within the days read) on {report.Version} vs on {report.PreviousVersion}, {report.After}",
        report.Before is { } before ? $"before/after: every user {before} vs {report.After}" : "before/after: no data before the release day",
        $"intervals: difference of rates (points), two-proportion z test, {Figures.Percent(report.FamilyConfidence)} for each comparison's metrics together (Bonferroni)",
        "the verdict is the version comparison's; before/after also moves with whatever else changed over those days",
    ];

    /// <summary>"WORSE on a, b", "no metric worse; better on c" or "no clear difference on any metric".</summary>
    public static string Verdict(ReleaseReport report) => report.Flagged
        ? $"WORSE on {string.Join(", ", report.Worse.Select(m => m.Name))}"
        : report.Better.Count > 0 ? $"no metric worse; better on {string.Join(", ", report.Better.Select(m => m.Name))}" : "no clear difference on any metric";
}
