using Sandbox.Analytics.Definitions;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.ReleaseCheck.Tests;

public class ReleaseSummaryTests
{
    private static MetricCheck Metric(string name, long candidate, long baseline) => new(name, MetricKind.FunnelStep, "",
        TwoProportionTest.Compare(Proportion.Binomial(candidate, 10_000), Proportion.Binomial(baseline, 10_000), 0.995),
        TwoProportionTest.Compare(default, default, 0.95));

    private static ReleaseReport Report(params MetricCheck[] metrics) =>
        new("5.11.0", "5.10.0", new DateOnly(2026, 11, 2), new DateRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4)), null, 0.95, metrics);

    [Fact]
    public void A_worse_step_leads_the_summary_escaped_for_mrkdwn_with_a_plain_fallback()
    {
        var summary = ReleaseSummary.From(Report(Metric("shopping: search -> view_product", 6_500, 7_000), Metric("likes", 5_000, 5_010)));
        Assert.Equal("Release 5.11.0: worse on 1 metric", summary.Header);
        Assert.Contains(":red_circle: *shopping: search -&gt; view_product* 65.0% of 10,000 vs 70.0% of 10,000: -5.0 pts [", summary.Section);
        Assert.DoesNotContain("likes", summary.Section);
        Assert.Equal("Release 5.11.0: worse on shopping: search -> view_product", summary.Fallback);
        Assert.Contains("sandbox release-check --version 5.11.0", summary.Context);
    }

    [Fact]
    public void No_change_says_so_and_many_changes_stay_within_slacks_section_limit()
    {
        Assert.Contains("No KPI or funnel step moved beyond chance against 5.10.0 (1 compared)", ReleaseSummary.From(Report(Metric("likes", 5_000, 5_010))).Section);
        var many = ReleaseSummary.From(Report(Enumerable.Range(0, 200).Select(i => Metric($"metric number {i} with a long name", 4_000, 6_000)).ToArray()));
        Assert.True(many.Section.Length <= ReleaseSummary.MaxSection, $"{many.Section.Length} characters");
        Assert.EndsWith("more", many.Section);
    }
}
