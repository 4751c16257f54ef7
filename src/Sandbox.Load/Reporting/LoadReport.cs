using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sandbox.Load.Day;
using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Reporting;

/// <summary>
/// The load report in .sandbox/reports/load-&lt;timestamp&gt;/: load.json (every run's per-interval
/// series, faults, integrity, the verdict) and index.html (the same as charts and tables). Every run
/// says what it replayed (the whole day, or the peak window's hours and events); evaluations pair with runs by position.
/// </summary>
public sealed record LoadReport(LoadOptions Options, LoadDay Day, IReadOnlyList<LoadRunResult> Runs, IReadOnlyList<ShardEvaluation> Evaluations, string? Verdict)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The point with the highest input (at --speed max: the most records stored) of a run.</summary>
    public static LoadPoint? PeakOf(LoadRunResult run) => run.Points.MaxBy(p => p.InputPerSecond ?? p.PutRecordsPerSecond);

    public async Task<string> WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var json = new
        {
            Options = new { Options.Events, Day = Day.Folder, Window = Options.PeakWindowOnly ? "peak" : "day", Options.PeakHours, Speed = Options.SpeedText, Options.Quotas, Options.Chaos, Options.Seed, IntervalSeconds = Options.Interval.TotalSeconds },
            Day = new { Day.Folder, Day.Events, Day.Lines, Day.Clicks, PeakHour = Day.PeakHour().Hour, PeakHourEventsPerSecond = Day.PeakHour().EventsPerSecond,
                PeakWindow = Day.PeakWindow(Options.PeakHours).Describe() },
            Runs = Runs.Select((r, i) => new
            {
                r.Id, r.Shards, r.Replayed, ElapsedSeconds = r.Elapsed.TotalSeconds, r.Succeeded, r.Interrupted, r.Failure, r.Shipped, r.Throttled,
                r.EventsPerSecond, r.Baseline, BaselineEventsPerSecond = r.Baseline?.EventsPerSecond, r.VersusBaseline,
                r.CpuSeconds, r.CpuSecondsPerMillion,
                PeakPoint = PeakOf(r), r.Latency, r.ProcessStarts, r.Faults, r.Integrity,
                PeakRssMb = r.Points.SelectMany(p => p.Processes).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Max(kv => kv.Value.RssMb)),
                Evaluation = Evaluations.ElementAtOrDefault(i),
                Series = r.Points,
            }),
            Verdict,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "load.json"), JsonSerializer.Serialize(json, Json));
        var html = Path.Combine(folder, "index.html");
        await File.WriteAllTextAsync(html, Html());
        return html;
    }

    private string Html()
    {
        var page = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sandbox load test</title>"
            + "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + ".chart{font-size:11px;margin:6px 0;display:block}.bad{color:#b00}.good{color:#070}</style></head><body>");
        page.Append($"<h1>Load test: {Day.Events:N0} events{(Options.PeakWindowOnly ? $", the peak {Options.PeakHours} hours" : "")}, speed {E(Options.SpeedText)}, quotas {(Options.Quotas ? "on" : "off")}{(Options.Chaos ? ", chaos" : "")}</h1>");
        page.Append($"<p>Day {E(Day.Folder)}: {Day.Lines:N0} lines, {Day.Clicks:N0} clicks; busiest hour {Day.PeakHour().Hour:yyyy-MM-dd HH}:00 UTC at {Day.PeakHour().EventsPerSecond:N0} events/s of the day's clock; {E(Day.PeakWindow(Options.PeakHours).Describe())}.</p>");
        if (Verdict is not null) page.Append($"<h2>Shard verdict</h2><p><b>{E(Verdict)}</b></p>");
        if (Runs.Count > 1)
        {
            page.Append("<h2>Runs</h2><table><tr><th>#</th><th>shards</th><th>replayed</th><th>outcome</th><th>held the load</th></tr>");
            for (var i = 0; i < Runs.Count; i++)
                page.Append($"<tr><td>{i + 1}</td><td>{Runs[i].Shards}</td><td>{E(Runs[i].Replayed)}</td><td>{(Runs[i].Succeeded ? "delivered, integrity holds" : E(Runs[i].Failure ?? "integrity does not hold"))}</td>"
                            + $"<td>{(Evaluations.ElementAtOrDefault(i) is { } e && Options.Quotas ? (e.Held ? "yes" : "no") : "-")}</td></tr>");
            page.Append("</table>");
        }
        for (var i = 0; i < Runs.Count; i++) RunSection(page, Runs[i], Evaluations.ElementAtOrDefault(i));
        return page.Append("</body></html>").ToString();
    }

    private void RunSection(StringBuilder page, LoadRunResult run, ShardEvaluation? evaluation)
    {
        var points = run.Points;
        page.Append($"<h2>{run.Shards} shards over {E(run.Replayed)} (run {E(run.Id)})</h2><table>");
        Row(page, "outcome", run.Succeeded ? "<span class=good>delivered, integrity holds</span>"
            : $"<span class=bad>{E(run.Failure ?? (run.Interrupted ? "interrupted (Ctrl+C): the series so far" : "integrity does not hold"))}</span>");
        Row(page, "wall time", E($"{run.Elapsed:hh\\:mm\\:ss} ({run.EventsPerSecond:N0} events/s end to end)"));
        if (run.Baseline is { } baseline)
            Row(page, "baseline (shipper alone, same run)", E($"{baseline.EventsPerSecond:N0} events/s ({baseline.Shipped:N0} in {baseline.Elapsed.TotalSeconds:N1} s): end to end {run.VersusBaseline:0.###}x of it"));
        if (run.CpuSecondsPerMillion.Count > 0)
            Row(page, "CPU seconds per 1M events", E(string.Join(", ", run.CpuSecondsPerMillion.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N1}"))));
        if (PeakOf(run) is { } peak)
            Row(page, "peak point", E($"{TimeSpan.FromSeconds(peak.AtSeconds):hh\\:mm\\:ss}: input {(peak.InputPerSecond is { } i ? $"{i:N0}/s" : "all at once")}, stored {peak.PutRecordsPerSecond:N0} records/s, max iterator age {peak.MaxIteratorAgeMs() / 1000.0:N1} s"));
        Row(page, "delivery latency p50 / p99", E(string.Join(";  ", run.Latency.Select(kv => $"{kv.Key} {kv.Value} ({kv.Value.Samples} samples)"))));
        Row(page, "throttled records", E(run.Throttled?.ToString("N0") ?? "not reported by the shipper"));
        Row(page, "process starts", E(string.Join(", ", run.ProcessStarts.Select(kv => $"{kv.Key} {kv.Value}"))));
        if (run.Integrity is { } integrity)
            Row(page, "integrity", (integrity.Holds ? "<span class=good>" : "<span class=bad>") + E(integrity.Summary + (integrity.Holds ? "" : ": " + string.Join("; ", integrity.Problems))) + "</span>");
        if (evaluation is not null && Options.Quotas)
            Row(page, "held the load", E($"{(evaluation.Held ? "yes" : "no")}: {string.Join("; ", evaluation.Evidence)}"));
        page.Append("</table>");
        if (run.Faults.Count > 0)
        {
            page.Append("<h3>Faults</h3><table><tr><th>at</th><th>target</th><th>down</th><th>back up after</th><th>caught up after</th><th>what</th></tr>");
            foreach (var f in run.Faults)
                page.Append($"<tr><td>{TimeSpan.FromSeconds(f.AtSeconds):hh\\:mm\\:ss}</td><td>{E(f.Target)}</td><td>{f.DownSeconds:0.0} s</td><td>{Seconds(f.BackUpAfterSeconds)}</td><td>{Seconds(f.CaughtUpAfterSeconds)}</td><td>{E(f.Detail)}</td></tr>");
            page.Append("</table>");
        }
        IReadOnlyList<(double, double)> Series(Func<LoadPoint, double?> y) => points.Where(p => y(p) is not null).Select(p => (p.AtSeconds, y(p)!.Value)).ToList();
        page.Append(SvgChart.Lines("Rates", "records/s", [("input", Series(p => p.InputPerSecond)), ("stored (PutRecords)", Series(p => p.PutRecordsPerSecond)), ("throttled", Series(p => p.Throttled / p.IntervalSeconds))]));
        page.Append(SvgChart.Lines("Shipper backlog", "lines", [("backlog", Series(p => p.ShipperBacklog)), ("buffered", Series(p => p.ShipperBuffered))]));
        page.Append(SvgChart.Lines("Iterator age, slowest shard", "s", IteratorAges.Consumers.Select(c => (c.Consumer, Series(p => p.MaxIteratorAgeMs(c.Consumer) / 1000.0))).ToList()));
        page.Append(SvgChart.Lines("Delivery latency", "s", [.. new[] { DeliveryLatency.Warehouse, DeliveryLatency.Archive, DeliveryLatency.Clicks }
            .SelectMany(d => new[] { ($"{d} p50", Series(p => p.Latency.GetValueOrDefault(d)?.P50)), ($"{d} p99", Series(p => p.Latency.GetValueOrDefault(d)?.P99)) })]));
        page.Append(SvgChart.Lines("Delivered", "rows / records", [("warehouse rows", Series(p => p.WarehouseRows)), ("archive records", Series(p => p.ArchiveRecords))]));
        var processes = points.SelectMany(p => p.Processes.Keys).Distinct().Order().ToList();
        page.Append(SvgChart.Lines("RSS", "MB", processes.Select(n => (n, Series(p => p.Processes.GetValueOrDefault(n)?.RssMb))).ToList()));
        page.Append(SvgChart.Lines("CPU", "% of one core", processes.Select(n => (n, Series(p => p.Processes.GetValueOrDefault(n)?.CpuPercent))).ToList()));
    }

    private static void Row(StringBuilder page, string name, string html) => page.Append($"<tr><th>{E(name)}</th><td>{html}</td></tr>");

    private static string Seconds(double? value) => value is { } s ? $"{s:0.0} s" : "not within the run";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
