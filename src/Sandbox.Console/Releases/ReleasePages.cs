using System.Net;
using System.Text;
using Sandbox.Console.Hosting;
using Sandbox.ReleaseCheck;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.Console.Releases;

/// <summary>
/// The release check as pages: the list of versions with their verdicts, and one release's metrics against
/// the previous version and before/after its release day, with the CLI's figures and words (ReleaseText, Figures).
/// </summary>
public static class ReleasePages
{
    public static string List(Checked<IReadOnlyList<RecentRelease>> list, int days)
    {
        var releases = list.Value;
        var html = Start("Releases");
        html.Append("<h1>Releases</h1>");
        html.Append($"""<p class="hint">App versions seen in the warehouse, newest first. The {ReleaseChecks.CheckedOnList} newest releases are checked here over {days} days from their release day; open any version for its figures (the same as <code>sandbox release-check --version V</code>).</p>""");
        html.Append("""<table id="releases" class="releases"><thead><tr><th>version</th><th>released</th><th>previous</th><th>verdict</th></tr></thead><tbody>""");
        foreach (var r in releases)
        {
            var (css, text) = r switch
            {
                { Report: { } report } => (Css(report.Overall), ReleaseText.Verdict(report)),
                { NotYet: { } why } => ("not-yet", why),
                { Release.PreviousVersion: null } => ("oldest", "the oldest version: nothing to compare it with"),
                _ => ("unchecked", "not checked on this list: open it"),
            };
            html.Append($"""<tr data-version="{E(r.Release.Version)}"><td><a href="{Link(r.Release.Version, days)}">{E(r.Release.Version)}</a></td>""");
            html.Append($"""<td>{r.Release.ReleaseDay:yyyy-MM-dd}</td><td>{E(r.Release.PreviousVersion ?? "")}</td><td class="verdict {css}">{E(text)}</td></tr>""");
        }
        html.Append("</tbody></table>");
        return End(html, list.CheckedAt);
    }

    public static string Report(Checked<ReleaseReport> check, int days)
    {
        var report = check.Value;
        var html = Start($"Release {report.Version}");
        html.Append($"""<h1>Release {E(report.Version)} <span id="overall" class="verdict {Css(report.Overall)}">{Figures.Verdict(report.Overall)}</span></h1>""");
        html.Append($"""<p>Released {report.ReleaseDay:yyyy-MM-dd}, against <a href="{Link(report.PreviousVersion, days)}">{E(report.PreviousVersion)}</a>; {days} days compared. <a href="/releases">All releases</a></p>""");
        html.Append("""<ul class="method">""" + string.Concat(ReleaseText.Method(report).Select(line => $"<li>{E(line)}</li>")) + "</ul>");
        html.Append($"""<p id="verdict" class="verdict {Css(report.Overall)}">verdict: {E(ReleaseText.Verdict(report))}</p>""");
        html.Append($"""
            <table id="metrics" class="releases"><thead>
            <tr><th rowspan="2">metric</th><th colspan="4">by version (decides the verdict)</th><th colspan="4">before/after the release day (context)</th></tr>
            <tr><th>{E(report.Version)}</th><th>{E(report.PreviousVersion)}</th><th>difference [interval]</th><th>verdict</th><th>after</th><th>before</th><th>difference [interval]</th><th>verdict</th></tr>
            </thead><tbody>
            """);
        foreach (var m in report.Metrics)
        {
            html.Append($"""<tr data-metric="{E(m.Name)}" data-verdict="{Figures.Verdict(m.Verdict)}"><td title="{E(m.Description)}">{E(m.Name)}</td>""");
            Comparison(html, m.VsPrevious);
            Comparison(html, m.BeforeAfter);
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        html.Append("""<p class="hint">Rates: share of the trials (hover a metric for what they are); differences in percentage points, intervals together at the stated confidence. A KPI is a share of active users.</p>""");
        return End(html, check.CheckedAt);
    }

    /// <summary>A version no event carries (404), or one that cannot be compared yet (422): the check's own words.</summary>
    public static string Problem(string title, string message)
    {
        var html = Start(title);
        html.Append($"""<h1>{E(title)}</h1><p class="notice" id="problem">{E(message)}</p><p><a href="/releases">All releases</a></p>""");
        return End(html);
    }

    private static void Comparison(StringBuilder html, ProportionComparison c) => html.Append(
        $"""<td>{E(Figures.Rate(c.Candidate))}</td><td>{E(Figures.Rate(c.Baseline))}</td><td>{E(Figures.Difference(c))}</td><td class="verdict {Css(c.Verdict)}">{Figures.Verdict(c.Verdict)}</td>""");

    private static string Css(Verdict verdict) => Figures.Verdict(verdict).Replace(' ', '-');

    private static string Link(string version, int days) =>
        $"/releases/{Uri.EscapeDataString(version)}" + (days == ReleaseChecker.DefaultDays ? "" : $"?days={days}");

    private static StringBuilder Start(string title) => new StringBuilder().Append($"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{E(title)} · Sandbox Console</title><link rel="stylesheet" href="/console.css"></head>
        <body>
        {PageHeader.Html}
        <main class="release-check">
        """);

    private static string End(StringBuilder html, DateTimeOffset? checkedAt = null)
    {
        if (checkedAt is { } at)
            html.Append($"""<p class="hint" id="checked-at">Checked at {at:yyyy-MM-dd HH:mm:ss} UTC; kept until a new day of events is in the warehouse.</p>""");
        return html.Append("</main></body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
