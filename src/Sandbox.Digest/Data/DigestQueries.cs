using Sandbox.Analytics;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Results;
using Sandbox.ReleaseCheck;
using Sandbox.ReleaseCheck.Reporting;

namespace Sandbox.Digest.Data;

/// <summary>
/// The digest's queries, all Sandbox.Analytics definitions over the day and the week before it (for the
/// day-over-day and week-over-week changes): active users, each funnel, day-1 retention, top searches and
/// the products opened from search, then the products' names from app.*.
/// </summary>
public static class DigestQueries
{
    public const int TopCount = 5;

    /// <summary>The days read: the digest's day and the 7 before it.</summary>
    public static DateRange Days(DateOnly day) => new(day.AddDays(-7), day);

    /// <returns>null when the warehouse holds no event on <paramref name="day"/>: a digest of zeros would mislead.</returns>
    public static async Task<DigestData?> RunAsync(AnalyticsQueries queries, DateOnly day, IReadOnlyList<FunnelDefinition> funnels, CancellationToken ct)
    {
        var events = await queries.EventCountAsync(DateRange.Day(day), ct);
        if (events == 0) return null;
        var week = Days(day);
        var active = await queries.ActiveUsersAsync(week, ct);
        var funnelFigures = new List<FunnelFigure>();
        foreach (var funnel in funnels) funnelFigures.Add(Figure(await queries.FunnelAsync(funnel with { Range = week }, ct), day));
        // Day-1 retention of a cohort is read on the day after it: today's figure is yesterday's installs.
        var retention = await queries.RetentionAsync(new RetentionDefinition(new DateRange(day.AddDays(-8), day), MaxAge: 1), ct);
        var searches = await queries.TopValuesAsync(new TopValuesDefinition(DateRange.Day(day), "search", "query", TopCount), ct);
        var products = await queries.TopValuesAsync(
            new TopValuesDefinition(DateRange.Day(day), "view_product", "product_id", TopCount, KpiReportBuilder.SearchedProducts), ct);
        var names = queries.Engine is WarehouseEngine
            ? await ProductNames.LookUpAsync(queries.Engine, products.Select(p => p.Value).ToList(), ct)
            : ProductNames.Unavailable("product names: only the warehouse has app.products/app.brands");

        ActiveUsersRow? On(DateOnly d) => active.FirstOrDefault(a => a.Day == d);
        Compared Users(Func<ActiveUsersRow, long> pick) => new(
            On(day) is { } t ? pick(t) : null, On(day.AddDays(-1)) is { } y ? pick(y) : null, On(day.AddDays(-7)) is { } w ? pick(w) : null);
        return new DigestData(day, queries.Engine.Name, events,
            Users(a => a.Dau), Users(a => a.Wau), Users(a => a.Mau), active,
            funnelFigures,
            new Compared(retention.Rate(day.AddDays(-1), 1), retention.Rate(day.AddDays(-2), 1), retention.Rate(day.AddDays(-8), 1)),
            retention.CohortSize(day.AddDays(-1)),
            searches, products, names, await ReleasesAsync(queries, day, ct));
    }

    /// <summary>The release check of each version released in the week up to the digest's day: people look at the numbers after a release.</summary>
    private static async Task<IReadOnlyList<ReleaseSummary>> ReleasesAsync(AnalyticsQueries queries, DateOnly day, CancellationToken ct)
    {
        IReadOnlyList<RecentRelease> recent;
        try { recent = await ReleaseChecker.RecentChecksAsync(queries, day, ct: ct); }
        catch (ReleaseCheckException) { return []; } // events without app versions: no release to speak of
        // A release on the digest's own (still partial) day has nothing to compare yet: say so rather than skip it.
        return recent.Select(r => r.Report is { } report ? ReleaseSummary.From(report) : new ReleaseSummary(
            r.Release.Version, $"Release {r.Release.Version}", r.NotYet!, $"`sandbox release-check --version {r.Release.Version}`", $"Release {r.Release.Version}: {r.NotYet}")).ToList();
    }

    private static FunnelFigure Figure(FunnelResult result, DateOnly day)
    {
        double? Conversion(DateOnly d) => result.ForDay(d) is var users && users[0] > 0 ? (double)users[^1] / users[0] : null;
        var today = result.ForDay(day);
        return new FunnelFigure(result.Definition.Name, result.Definition.Steps, today[0], today[^1],
            new Compared(Conversion(day), Conversion(day.AddDays(-1)), Conversion(day.AddDays(-7))));
    }
}
