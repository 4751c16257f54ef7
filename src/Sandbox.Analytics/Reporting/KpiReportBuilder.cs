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
        var retention = Retention(range);
        var funnelResults = new List<FunnelResult>();
        foreach (var funnel in funnels) funnelResults.Add(await queries.FunnelAsync(funnel with { Range = range }, ct));
        return new KpiReport(
            queries.Engine.Name,
            range,
            await queries.DailyKpisAsync(new KpiDefinition(range), ct),
            await queries.ActiveUsersAsync(range, ct),
            funnelResults,
            await queries.RetentionAsync(retention, ct),
            retention.Range,
            await queries.TopValuesAsync(TopSearches(range), ct),
            await queries.TopValuesAsync(TopSearchedProducts(range), ct),
            await queries.TopValuesAsync(TopClickedProducts(range), ct),
            await queries.EventCountAsync(range, ct));
    }

    /// <summary>Day-1 retention needs the cohort of the day before the report's first day.</summary>
    public static RetentionDefinition Retention(DateRange range)
    {
        var cohorts = new DateRange(range.From.AddDays(-1), range.To);
        return new RetentionDefinition(cohorts, MaxAge: Math.Min(30, cohorts.Days));
    }

    public static TopValuesDefinition TopSearches(DateRange range) => new(range, "search", "query", TopCount);

    public static TopValuesDefinition TopSearchedProducts(DateRange range) => new(range, "view_product", "product_id", TopCount, SearchedProducts);

    public static TopValuesDefinition TopClickedProducts(DateRange range) => new(range, "click_product_link", "product_id", TopCount);

    /// <summary>The event days a report of <paramref name="range"/> reads: MAU looks 29 days back.</summary>
    public static DateRange EventDays(DateRange range) => new(range.From.AddDays(-(ActiveUsersSql.MonthDays - 1)), range.To);

    /// <summary>The funnels the generator simulates (so the manifest has their truth).</summary>
    public static IReadOnlyList<FunnelDefinition> GeneratorFunnels(IEnumerable<Generator.Config.FunnelDefinition> generated, DateRange range) =>
        generated.Select(f => new FunnelDefinition(f.Name, f.Steps, range)).ToList();
}
