using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;
using Sandbox.Analytics.Sql;

namespace Sandbox.Analytics.Reporting;

/// <summary>Runs the report's definitions on one engine.</summary>
public static class KpiReportBuilder
{
    public const int TopCount = 10;

    /// <summary>Products opened from search results: what users searched their way to.</summary>
    public static readonly PropertyEquals SearchedProducts = new("source", "search");

    public static async Task<KpiReport> BuildAsync(AnalyticsQueries queries, DateRange range, IReadOnlyList<FunnelDefinition> funnels, CancellationToken ct = default)
    {
        // Day-1 retention needs the cohort of the day before the report's first day.
        var cohorts = new DateRange(range.From.AddDays(-1), range.To);
        var funnelResults = new List<FunnelResult>();
        foreach (var funnel in funnels) funnelResults.Add(await queries.FunnelAsync(funnel with { Range = range }, ct));
        return new KpiReport(
            queries.Engine.Name,
            range,
            await queries.DailyKpisAsync(new KpiDefinition(range), ct),
            await queries.ActiveUsersAsync(range, ct),
            funnelResults,
            await queries.RetentionAsync(new RetentionDefinition(cohorts, MaxAge: Math.Min(30, cohorts.Days)), ct),
            cohorts,
            await queries.TopValuesAsync(new TopValuesDefinition(range, "search", "query", TopCount), ct),
            await queries.TopValuesAsync(new TopValuesDefinition(range, "view_product", "product_id", TopCount, SearchedProducts), ct),
            await queries.TopValuesAsync(new TopValuesDefinition(range, "click_product_link", "product_id", TopCount), ct),
            await queries.EventCountAsync(range, ct));
    }

    /// <summary>The event days a report of <paramref name="range"/> reads: MAU looks 29 days back.</summary>
    public static DateRange EventDays(DateRange range) => new(range.From.AddDays(-(ActiveUsersSql.MonthDays - 1)), range.To);

    /// <summary>The funnels the generator simulates (so the manifest has their truth).</summary>
    public static IReadOnlyList<FunnelDefinition> GeneratorFunnels(IEnumerable<Generator.Config.FunnelDefinition> generated, DateRange range) =>
        generated.Select(f => new FunnelDefinition(f.Name, f.Steps, range)).ToList();
}
