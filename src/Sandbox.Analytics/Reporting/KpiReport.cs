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
    IReadOnlyList<TopValue> TopSearchedProducts,
    IReadOnlyList<TopValue> TopClickedProducts,
    long Events)
{
    /// <summary>Names for the top products' ids (warehouse app.products/app.brands), or a note why there are none.</summary>
    public ProductNames Products { get; init; } = ProductNames.Unavailable("product names: only the warehouse has app.products/app.brands");

    /// <summary>
    /// Day-1 retention by cohort: the cohorts whose next day falls within the report and that have installs.
    /// A day without data (the day before a one-day demo) is no cohort: "0 of 0, n/a" would say nothing.
    /// </summary>
    public IEnumerable<(DateOnly Cohort, long Size, long Retained, double? Rate)> DayOneRetention =>
        RetentionCohorts.Each().Where(c => c.AddDays(1) <= Range.To && Retention.CohortSize(c) > 0)
            .Select(c => (c, Retention.CohortSize(c), Retention.Retained(c, 1), Retention.Rate(c, 1)));
}
