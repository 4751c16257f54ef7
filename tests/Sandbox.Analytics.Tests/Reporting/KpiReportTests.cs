using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Results;

namespace Sandbox.Analytics.Tests.Reporting;

public sealed class KpiReportTests
{
    private static readonly DateOnly July1 = new(2026, 7, 1);

    [Fact]
    public void A_day_without_installs_before_a_one_day_report_is_no_day_one_cohort()
    {
        var report = Report(new DateRange(July1, July1), [new RetentionCell(July1, 0, 24_783)]);

        Assert.Empty(report.DayOneRetention);
    }

    [Fact]
    public void Cohorts_with_installs_whose_next_day_is_in_the_report_are_shown_with_their_rate()
    {
        var report = Report(new DateRange(July1, July1.AddDays(1)),
            [new RetentionCell(July1, 0, 200), new RetentionCell(July1, 1, 50), new RetentionCell(July1.AddDays(1), 0, 180)]);

        var cohort = Assert.Single(report.DayOneRetention);
        Assert.Equal((July1, 200L, 50L, 0.25), (cohort.Cohort, cohort.Size, cohort.Retained, cohort.Rate));
    }

    private static KpiReport Report(DateRange range, IReadOnlyList<RetentionCell> cells) =>
        new("lake", range, [], [], [], new RetentionResult(cells), new DateRange(range.From.AddDays(-1), range.To), [], [], [], 0);
}
