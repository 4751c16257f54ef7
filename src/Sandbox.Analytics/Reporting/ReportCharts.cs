using ScottPlot;
using Sandbox.Analytics.Results;

namespace Sandbox.Analytics.Reporting;

/// <summary>The report's charts as PNG files (ScottPlot). Labels may be Japanese: the CJK font is named explicitly.</summary>
public static class ReportCharts
{
    /// <summary>Debian fonts-noto-cjk; ScottPlot's font detection does not find it by itself (docs/FACTS-LOCAL.md).</summary>
    public const string CjkFont = "Noto Sans CJK JP";
    private const int Width = 800;
    private const int Height = 420;

    /// <returns>Chart titles and their file names within <paramref name="folder"/>.</returns>
    public static IReadOnlyList<(string Title, string File)> Render(KpiReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var charts = new List<(string, string)>
        {
            Save(folder, "active-users.png", "Active users", ActiveUsers(report.ActiveUsers)),
        };
        charts.AddRange(report.Funnels.Select(f => Save(folder, $"funnel-{f.Definition.Name}.png", $"Funnel {f.Definition.Name}", Funnel(f))));
        charts.Add(Save(folder, "retention-day1.png", "Day-1 retention", DayOneRetention(report)));
        charts.Add(Save(folder, "top-searches.png", "Top searched terms", Top("Top searched terms", report.TopSearches)));
        return charts;
    }

    private static (string, string) Save(string folder, string file, string title, Plot plot)
    {
        plot.SavePng(Path.Combine(folder, file), Width, Height);
        return (title, file);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(CjkFont);
        plot.Title(title);
        return plot;
    }

    /// <summary>DAU, WAU and MAU by day (the report's chart; the Slack digest posts it too).</summary>
    public static Plot ActiveUsers(IReadOnlyList<ActiveUsersRow> activeUsers)
    {
        var plot = NewPlot("DAU / WAU / MAU");
        var days = activeUsers.Select(a => a.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        foreach (var (label, values) in new[]
                 {
                     ("DAU", activeUsers.Select(a => (double)a.Dau)), ("WAU", activeUsers.Select(a => (double)a.Wau)),
                     ("MAU", activeUsers.Select(a => (double)a.Mau)),
                 })
        {
            var line = plot.Add.Scatter(days, values.ToArray());
            line.LegendText = label;
            line.MarkerSize = 8;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(0.1, 0.1);
        plot.ShowLegend();
        return plot;
    }

    private static Plot Funnel(FunnelResult funnel)
    {
        var users = funnel.Totals;
        var conversion = FunnelResult.Conversion(users);
        var plot = NewPlot($"Funnel {funnel.Definition.Name}: users per step");
        var bars = users.Select((u, k) => new Bar { Position = k, Value = u, Label = ReportText.Percent(conversion[k]) }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, users.Count).Select(k => (double)k).ToArray(), funnel.Definition.Steps.ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15); // room for the value labels above the bars
        return plot;
    }

    private static Plot DayOneRetention(KpiReport report)
    {
        var plot = NewPlot("Day-1 retention by install cohort");
        var cohorts = report.DayOneRetention.ToList();
        plot.Add.Bars(cohorts.Select((c, i) => new Bar { Position = i, Value = (c.Rate ?? 0) * 100, Label = ReportText.Percent(c.Rate) }).ToList());
        plot.Axes.Bottom.SetTicks(cohorts.Select((_, i) => (double)i).ToArray(), cohorts.Select(c => $"{c.Cohort:MM-dd}").ToArray());
        plot.YLabel("% of cohort active the next day");
        plot.Axes.Margins(bottom: 0, top: 0.15); // room for the value labels above the bars
        return plot;
    }

    private static Plot Top(string title, IReadOnlyList<TopValue> values)
    {
        var plot = NewPlot(title);
        // Most frequent at the top: horizontal bars from the bottom up.
        var ordered = values.Reverse().ToList();
        plot.Add.Bars(ordered.Select((v, i) => new Bar { Position = i, Value = v.Count, Label = $"{v.Count:N0}", Orientation = Orientation.Horizontal }).ToList());
        plot.Axes.Left.SetTicks(ordered.Select((_, i) => (double)i).ToArray(), ordered.Select(v => v.Value).ToArray());
        plot.Axes.Margins(left: 0);
        return plot;
    }
}
