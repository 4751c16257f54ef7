using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;

namespace Sandbox.Analytics.Reporting;

/// <summary>The report as plain text for the terminal (and Slack).</summary>
public static class ReportText
{
    public static void Write(TextWriter o, KpiReport report, ConsistencyCheck? check)
    {
        o.WriteLine($"Sandbox KPI report {report.Range} (source: {report.Source})");
        if (check is not null) o.WriteLine(check.Line);
        o.WriteLine();
        WriteDaily(o, report);
        foreach (var funnel in report.Funnels) WriteFunnel(o, funnel);
        WriteRetention(o, report);
        WriteTop(o, "Top searched terms", report.TopSearches);
        WriteTop(o, "Top searched products (opened from search)", report.TopSearchedProducts, report.Products.Label);
        WriteTop(o, "Top clicked products", report.TopClickedProducts, report.Products.Label);
        if (report.Products.Note is { } note) o.WriteLine(note);
    }

    public static string Percent(double? rate) => rate is { } r ? $"{r * 100:0.0}%" : "n/a";

    private static void WriteDaily(TextWriter o, KpiReport report)
    {
        var names = KpiDefinition.Counters.Select(c => c.Name).ToList();
        o.WriteLine(string.Join("  ", new[] { "day       ", "events", "dau", "wau", "mau" }.Concat(names)));
        foreach (var day in report.Daily)
        {
            var active = report.ActiveUsers.FirstOrDefault(a => a.Day == day.Day);
            var cells = new[] { $"{day.Day:yyyy-MM-dd}", $"{day.Events:N0}", $"{day.Dau:N0}", $"{active?.Wau:N0}", $"{active?.Mau:N0}" }
                .Concat(names.Select(n => $"{day.Counters[n]:N0}"));
            o.WriteLine(string.Join("  ", cells));
        }
        o.WriteLine();
    }

    private static void WriteFunnel(TextWriter o, FunnelResult funnel)
    {
        var users = funnel.Totals;
        var overall = FunnelResult.Conversion(users);
        o.WriteLine($"Funnel {funnel.Definition.Name} ({funnel.Definition.Order}, users per day, {funnel.Definition.Range})");
        for (var k = 0; k < users.Count; k++)
        {
            var fromPrevious = k == 0 ? "" : $"  step {Percent(users[k - 1] == 0 ? null : (double)users[k] / users[k - 1])}";
            o.WriteLine($"  {k + 1}. {funnel.Definition.Steps[k],-20} {users[k],10:N0}  {Percent(overall[k]),6}{fromPrevious}");
        }
        o.WriteLine();
    }

    private static void WriteRetention(TextWriter o, KpiReport report)
    {
        o.WriteLine("Day-1 retention (install cohorts)");
        var any = false;
        foreach (var (cohort, size, retained, rate) in report.DayOneRetention)
        {
            any = true;
            o.WriteLine($"  {cohort:yyyy-MM-dd}  {retained:N0} of {size:N0}  {Percent(rate)}");
        }
        if (!any) o.WriteLine("  no cohort has its next day within the report");
        o.WriteLine();
    }

    private static void WriteTop(TextWriter o, string title, IReadOnlyList<TopValue> values, Func<string, string>? label = null)
    {
        o.WriteLine(title);
        for (var i = 0; i < values.Count; i++) o.WriteLine($"  {i + 1,2}. {label?.Invoke(values[i].Value) ?? values[i].Value}  {values[i].Count:N0}");
        if (values.Count == 0) o.WriteLine("  none");
        o.WriteLine();
    }
}
