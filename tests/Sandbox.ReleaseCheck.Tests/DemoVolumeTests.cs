using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Generator.Config;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.ReleaseCheck.Statistics;
using Sandbox.ReleaseCheck.Tests.Support;
using Xunit.Abstractions;

namespace Sandbox.ReleaseCheck.Tests;

/// <summary>The acceptance of issue #15 item 5, at the demo's volume: a 5-point drop is flagged on its step, no effect is flagged nowhere.</summary>
public class DemoVolumeTests(ITestOutputHelper output)
{
    private const int Days = 4;
    private const string DroppedStep = "shopping: search -> view_product";

    [Fact]
    public async Task A_five_point_drop_in_one_funnel_step_is_flagged_worse_on_that_step_only()
    {
        using var data = new GeneratedRelease(GeneratedRelease.DemoVolume(new ReleaseEffect("shopping", "view_product", -0.05), Days));
        var report = await RunAsync(data);

        Assert.True(report.Flagged);
        Assert.Equal([DroppedStep], report.Worse.Select(m => m.Name));
        Assert.Equal(Verdict.Worse, report.Metrics.Single(m => m.Name == DroppedStep).VsPrevious.Verdict);
        Assert.Contains(new Generator.Truth.TruthReleaseEffect("shopping", "view_product", 0.55, 0.50), data.Manifest.AppVersions.Select(v => v.Effect));
    }

    [Fact]
    public async Task A_release_without_effect_is_not_flagged()
    {
        using var data = new GeneratedRelease(GeneratedRelease.DemoVolume(effect: null, Days));
        var report = await RunAsync(data);

        Assert.False(report.Flagged, ReleaseText.Render(report));
        Assert.Empty(report.Better);
        Assert.Contains(report.Metrics, m => m.Name == DroppedStep && m.Verdict == Verdict.NoClearDifference);
    }

    private async Task<ReleaseReport> RunAsync(GeneratedRelease data)
    {
        await using var engine = new DuckDbEngine(data.Connection);
        var report = await ReleaseChecker.RunAsync(new AnalyticsQueries(engine), GeneratedRelease.Version);
        output.WriteLine(ReleaseText.Render(report));
        Assert.Equal(GeneratedRelease.Previous, report.PreviousVersion);
        Assert.Equal(data.Config.From.AddDays(1), report.ReleaseDay);
        return report;
    }
}
