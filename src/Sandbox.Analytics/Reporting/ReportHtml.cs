using System.Net;
using System.Text;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;

namespace Sandbox.Analytics.Reporting;

/// <summary>A self-contained HTML page: the report's tables and its chart PNGs (side by side in the same folder).</summary>
public static class ReportHtml
{
    public static void Write(string path, KpiReport report, ConsistencyCheck? check, IReadOnlyList<(string Title, string File)> charts)
    {
        var h = new StringBuilder();
        h.Append($"<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>Sandbox KPI report {E(report.Range.ToString())}</title>");
        h.Append("<style>body{font-family:'Noto Sans CJK JP',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td.l{text-align:left}")
            .Append(".ok{color:#1a7f37}.bad{color:#cf222e}img{max-width:100%;margin:1em 0}</style></head><body>");
        h.Append($"<h1>Sandbox KPI report {E(report.Range.ToString())}</h1><p>Source: {E(report.Source)}</p>");
        if (check is not null) h.Append($"<p class=\"{(check.Consistent ? "ok" : "bad")}\">{E(check.Line)}</p>");

        var names = KpiDefinition.Counters.Select(c => c.Name).ToList();
        Table(h, ["day", "events", "dau", "wau", "mau", .. names], report.Daily.Select(d =>
        {
            var a = report.ActiveUsers.FirstOrDefault(x => x.Day == d.Day);
            return (IReadOnlyList<string>)[$"{d.Day:yyyy-MM-dd}", $"{d.Events:N0}", $"{d.Dau:N0}", $"{a?.Wau:N0}", $"{a?.Mau:N0}", .. names.Select(n => $"{d.Counters[n]:N0}")];
        }));
        foreach (var funnel in report.Funnels)
        {
            h.Append($"<h2>Funnel {E(funnel.Definition.Name)}</h2>");
            var conversion = FunnelResult.Conversion(funnel.Totals);
            Table(h, ["step", "event", "users", "conversion"], funnel.Totals.Select((u, k) =>
                (IReadOnlyList<string>)[$"{k + 1}", funnel.Definition.Steps[k], $"{u:N0}", ReportText.Percent(conversion[k])]));
        }
        h.Append("<h2>Day-1 retention</h2>");
        Table(h, ["cohort", "installs", "active next day", "rate"], report.DayOneRetention.Select(r =>
            (IReadOnlyList<string>)[$"{r.Cohort:yyyy-MM-dd}", $"{r.Size:N0}", $"{r.Retained:N0}", ReportText.Percent(r.Rate)]));
        TopTable(h, "Top searched terms", "term", "searches", report.TopSearches);
        TopTable(h, "Top searched products (opened from search)", "product", "views", report.TopSearchedProducts, report.Products.Label);
        TopTable(h, "Top clicked products", "product", "clicks", report.TopClickedProducts, report.Products.Label);
        if (report.Products.Note is { } note) h.Append($"<p>{E(note)}</p>");
        foreach (var (title, file) in charts) h.Append($"<h2>{E(title)}</h2><img src=\"{E(file)}\" alt=\"{E(title)}\">");
        h.Append("</body></html>\n");
        File.WriteAllText(path, h.ToString());
    }

    private static void TopTable(StringBuilder h, string title, string valueHeader, string countHeader, IReadOnlyList<TopValue> values, Func<string, string>? label = null)
    {
        h.Append("<h2>").Append(E(title)).Append("</h2>");
        Table(h, ["#", valueHeader, countHeader], values.Select((t, i) => (IReadOnlyList<string>)[$"{i + 1}", label?.Invoke(t.Value) ?? t.Value, $"{t.Count:N0}"]));
    }

    private static void Table(StringBuilder h, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        h.Append("<table><tr>");
        foreach (var cell in header) h.Append($"<th>{E(cell)}</th>");
        h.Append("</tr>");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            foreach (var cell in row) h.Append(double.TryParse(cell.TrimEnd('%'), out _) ? $"<td>{E(cell)}</td>" : $"<td class=\"l\">{E(cell)}</td>");
            h.Append("</tr>");
        }
        h.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
