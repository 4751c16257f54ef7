using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Generator.Truth;

namespace Sandbox.Analytics.Reporting;

/// <param name="OutputFolder">Where the HTML page and charts go (a sub-folder per range); null: no HTML.</param>
public sealed record ReportRequest(DateRange Range, GenerationTruth? Manifest, string? OutputFolder);

public sealed record ReportOutcome(KpiReport Report, ConsistencyCheck Check, string? HtmlPath);

/// <summary>
/// Computes the report on every engine given (the first one's figures are printed), checks the
/// engines and the manifest agree, prints it and writes the HTML page with charts.
/// </summary>
public static class ReportRunner
{
    public static async Task<ReportOutcome> RunAsync(ReportRequest request, IReadOnlyList<IAnalyticsEngine> engines, TextWriter output, CancellationToken ct = default)
    {
        if (engines.Count == 0) throw new ArgumentException("report: no engine to query", nameof(engines));
        var funnels = KpiReportBuilder.GeneratorFunnels(
            request.Manifest?.Config.Behaviour.Funnels ?? Generator.Config.FunnelDefinition.Defaults, request.Range);
        var reports = new List<KpiReport>();
        foreach (var engine in engines) reports.Add(await KpiReportBuilder.BuildAsync(new AnalyticsQueries(engine), request.Range, funnels, ct));
        var check = ConsistencyCheck.Of(reports, request.Manifest, request.Range);
        if (engines.FirstOrDefault(e => e is WarehouseEngine) is { } warehouse)
            reports[0] = reports[0] with { Products = await ProductNames.LookUpAsync(warehouse, TopProductIds(reports[0]), ct) };
        ReportText.Write(output, reports[0], check);

        string? htmlPath = null;
        if (request.OutputFolder is { } root)
        {
            var folder = Path.Combine(root, $"report-{request.Range.From:yyyyMMdd}-{request.Range.To:yyyyMMdd}");
            var charts = ReportCharts.Render(reports[0], folder);
            htmlPath = Path.Combine(folder, "index.html");
            ReportHtml.Write(htmlPath, reports[0], check, charts);
            output.WriteLine($"HTML report: {htmlPath}");
        }
        return new ReportOutcome(reports[0], check, htmlPath);
    }

    private static IReadOnlyCollection<string> TopProductIds(KpiReport report) =>
        report.TopSearchedProducts.Concat(report.TopClickedProducts).Select(t => t.Value).ToHashSet();
}
