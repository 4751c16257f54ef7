namespace Sandbox.ReleaseCheck.Reporting;

/// <summary>
/// The release check as plain data a Slack digest turns into blocks: a header (plain_text), one
/// mrkdwn section, a context line and the notification fallback text; within Block Kit's limits
/// (header 150 characters, section 3,000).
/// </summary>
/// <param name="Version">The release checked (the digest links to its page in the console).</param>
public sealed record ReleaseSummary(string Version, string Header, string Section, string Context, string Fallback)
{
    public const int MaxHeader = 150;
    public const int MaxSection = 3000;

    public static ReleaseSummary From(ReleaseReport report)
    {
        var worse = report.Worse;
        var better = report.Better;
        var headline = worse.Count > 0 ? $"worse on {Count(worse.Count)}" : better.Count > 0 ? $"better on {Count(better.Count)}" : "no clear difference";
        var header = Clip($"Release {report.Version}: {headline}", MaxHeader);
        var lines = new List<string>
        {
            $"*{report.Version}* (released {report.ReleaseDay:yyyy-MM-dd}) against *{report.PreviousVersion}*, {report.After}",
        };
        lines.AddRange(worse.Select(m => Line(":red_circle:", m)));
        lines.AddRange(better.Select(m => Line(":large_green_circle:", m)));
        if (worse.Count + better.Count == 0) lines.Add($"No KPI or funnel step moved beyond chance against {report.PreviousVersion} ({Compared(report)} compared).");
        var context = $"Established users on each version, same days. Two-proportion z test, {Figures.Percent(report.FamilyConfidence)} intervals over {Compared(report)} metrics together. " +
                      $"All figures: `sandbox release-check --version {report.Version}`";
        // The fallback is plain text (notifications), not mrkdwn: names stay as they are.
        var fallback = worse.Count > 0 ? $"Release {report.Version}: worse on {string.Join(", ", worse.Select(m => m.Name))}" : header;
        return new ReleaseSummary(report.Version, header, SectionText(lines), context, fallback);
    }

    private static int Compared(ReleaseReport report) => report.Metrics.Count(m => m.Verdict != Statistics.Verdict.NoData);

    private static string Count(int n) => n == 1 ? "1 metric" : $"{n} metrics";

    private static string Line(string icon, MetricCheck m) =>
        $"{icon} *{Escape(m.Name)}* {Figures.Rate(m.VsPrevious.Candidate)} vs {Figures.Rate(m.VsPrevious.Baseline)}: {Figures.Difference(m.VsPrevious)}";

    /// <summary>Slack reads &amp;, &lt; and &gt; in mrkdwn as markup ("search -> view_product" has one).</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Whole lines up to the section limit, and a note of how many did not fit.</summary>
    private static string SectionText(List<string> lines)
    {
        var kept = new List<string>();
        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var more = $"… and {lines.Count - i} more";
            if (length + lines[i].Length + 1 + more.Length + 1 > MaxSection)
            {
                kept.Add(more);
                break;
            }
            kept.Add(lines[i]);
            length += lines[i].Length + 1;
        }
        return string.Join("\n", kept);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
