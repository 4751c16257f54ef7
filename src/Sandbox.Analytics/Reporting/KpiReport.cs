using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;

namespace Sandbox.Analytics.Reporting;

/// <summary>Everything the daily report shows, computed on one engine.</summary>
public sealed record KpiReport(
    string Source,
    DateRange Range,
    IReadOnlyList<DailyKpiRow> Daily,
    IReadOnlyList<ActiveUsersRow> ActiveUsers,
    IReadOnlyList<FunnelResult> Funnels,
    RetentionResult Retention,
    DateRange RetentionCohorts,
    IReadOnlyList<TopValue> TopSearches,
    IReadOnlyList<TopValue> TopClickedProducts,
    long Events)
{
    /// <summary>Day-1 retention by cohort: the cohorts whose next day falls within the report.</summary>
    public IEnumerable<(DateOnly Cohort, long Size, long Retained, double? Rate)> DayOneRetention =>
        RetentionCohorts.Each().Where(c => c.AddDays(1) <= Range.To)
            .Select(c => (c, Retention.CohortSize(c), Retention.Retained(c, 1), Retention.Rate(c, 1)));
}
