using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Tests.Support;

namespace Sandbox.Analytics.Tests.Reporting;

[Collection(GeneratedDaysCollection.Name)]
public sealed class ReportRunnerTests(GeneratedDaysFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-report-").FullName;

    [Fact]
    public async Task Report_on_both_engines_checks_them_against_the_manifest_and_writes_html_with_charts()
    {
        var day = fixture.Data.Manifest.Config.From.AddDays(1);
        var output = new StringWriter();
        var outcome = await ReportRunner.RunAsync(
            new ReportRequest(DateRange.Day(day), fixture.Data.Manifest, _folder),
            [fixture.Warehouse.Engine, fixture.Lake.Engine], output);

        var expected = fixture.Data.Manifest.Days.Single(d => d.Date == day);
        Assert.True(outcome.Check.Consistent, outcome.Check.Line);
        Assert.Equal($"warehouse = lake = manifest: {expected.Events:N0} events", outcome.Check.Line);
        var text = output.ToString();
        Assert.Contains(outcome.Check.Line, text);
        Assert.Contains($"  1. app_install", text);
        Assert.Contains($"{expected.Funnels["shopping"][2],10:N0}", text);
        Assert.Contains("Day-1 retention", text);
        var cohort = fixture.Data.Manifest.Retention.Single(c => c.InstallDate == day.AddDays(-1));
        Assert.Contains($"{day.AddDays(-1):yyyy-MM-dd}  {cohort.RetainedByDay["1"]:N0} of {cohort.CohortSize:N0}", text);
        Assert.Equal(KpiReportBuilder.TopCount, outcome.Report.TopSearches.Count);
        Assert.Contains("product names: the warehouse has no app.products/app.brands yet", text); // the fixture syncs no app tables

        var html = await File.ReadAllTextAsync(outcome.HtmlPath!);
        Assert.Contains(outcome.Check.Line, html);
        var folder = Path.GetDirectoryName(outcome.HtmlPath)!;
        foreach (var png in Directory.GetFiles(folder, "*.png"))
        {
            Assert.Contains(Path.GetFileName(png), html);
            Assert.True(new FileInfo(png).Length > 5_000, $"{png} is too small to hold a chart");
        }
        Assert.Equal(5, Directory.GetFiles(folder, "*.png").Length);
    }

    [Fact]
    public async Task A_manifest_of_other_days_makes_the_check_a_mismatch()
    {
        var day = fixture.Data.Manifest.Config.From;
        var shifted = fixture.Data.Manifest with { Days = fixture.Data.Manifest.Days.Skip(1).ToList() };
        var outcome = await ReportRunner.RunAsync(new ReportRequest(DateRange.Day(day), shifted, OutputFolder: null), [fixture.Lake.Engine], new StringWriter());
        Assert.False(outcome.Check.Consistent);
        Assert.StartsWith("MISMATCH lake ", outcome.Check.Line);
        Assert.Contains("manifest 0 events", outcome.Check.Line);
    }

    [Fact]
    public async Task The_command_reports_from_the_lake_engine_it_is_given_for_the_days_the_report_reads()
    {
        var day = fixture.Data.Manifest.Config.From.AddDays(2);
        DateRange? asked = null;
        var command = Sandbox.Analytics.Cli.ReportCommand.Build((eventDays, _) =>
        {
            asked = eventDays;
            // The command disposes what the factory opens: hand it an engine of its own over the shared connection.
            return Task.FromResult<Engines.IAnalyticsEngine>(new Engines.DuckDbEngine(fixture.LakeConnection));
        });
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await new System.CommandLine.RootCommand { command }.Parse(["report", "--date", $"{day:yyyy-MM-dd}", "--engine", "lake", "--no-html"]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(0, exit);
        Assert.Equal(new DateRange(day.AddDays(-29), day), asked);
        Assert.Contains($"Sandbox KPI report {day:yyyy-MM-dd} (source: lake)", output.ToString());
        Assert.Contains($"lake: {fixture.Data.Manifest.Days.Single(d => d.Date == day).Events:N0} events", output.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
