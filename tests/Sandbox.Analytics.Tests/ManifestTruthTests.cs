using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;
using Sandbox.Analytics.Tests.Support;

namespace Sandbox.Analytics.Tests;

/// <summary>
/// The same definitions on the warehouse and the lake equal the generator's manifest exactly; "lake-archive" is
/// Sandbox.Lake over a real archive bucket holding one batch twice (a Firehose redelivery).
/// </summary>
[Collection(GeneratedDaysCollection.Name)]
public sealed class ManifestTruthTests(GeneratedDaysFixture fixture)
{
    public static TheoryData<string> Engines => new() { "warehouse", "lake", "lake-archive" };

    private DateRange AllDays => new(fixture.Data.Manifest.Days[0].Date, fixture.Data.Manifest.Days[^1].Date);

    /// <summary>The simulated days without the partial one after them (sessions running past the last midnight).</summary>
    private DateRange FullDays => new(fixture.Data.Manifest.Config.From, fixture.Data.Manifest.Config.To);

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Funnels_per_day_equal_the_manifest(string engine)
    {
        var manifest = fixture.Data.Manifest;
        Assert.Contains(manifest.Config.Behaviour.Funnels, f => f.Steps.Contains("signup"));
        Assert.Contains(manifest.Config.Behaviour.Funnels, f => f.Steps.Contains("post_review"));
        Assert.Contains(manifest.Config.Behaviour.Funnels, f => f.Steps.SequenceEqual(["search", "view_product", "click_product_link"]));
        foreach (var generated in manifest.Config.Behaviour.Funnels)
        {
            var result = await fixture.Engine(engine).FunnelAsync(new FunnelDefinition(generated.Name, generated.Steps, AllDays));
            foreach (var day in manifest.Days)
            {
                Assert.True(day.Partial || day.Funnels[generated.Name][0] > 0, $"{generated.Name} on {day.Date}: nobody started, the comparison would prove little");
                Assert.Equal(day.Funnels[generated.Name], result.ForDay(day.Date));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_day_long_conversion_window_takes_the_window_plan_and_still_equals_the_manifest(string engine)
    {
        foreach (var generated in fixture.Data.Manifest.Config.Behaviour.Funnels)
        {
            var funnel = new FunnelDefinition(generated.Name, generated.Steps, AllDays, ConversionWindow: TimeSpan.FromDays(1));
            var result = await fixture.Engine(engine).FunnelAsync(funnel);
            foreach (var day in fixture.Data.Manifest.Days) Assert.Equal(day.Funnels[generated.Name], result.ForDay(day.Date));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Retention_cohorts_equal_the_manifest(string engine)
    {
        var result = await fixture.Engine(engine).RetentionAsync(new RetentionDefinition(FullDays));
        Assert.NotEmpty(fixture.Data.Manifest.Retention);
        foreach (var cohort in fixture.Data.Manifest.Retention)
        {
            Assert.Equal(cohort.CohortSize, result.CohortSize(cohort.InstallDate));
            foreach (var (age, retained) in cohort.RetainedByDay)
                Assert.Equal(retained, result.Retained(cohort.InstallDate, int.Parse(age)));
            if (cohort.Day1Rate is { } day1) Assert.Equal(day1, Math.Round(result.Rate(cohort.InstallDate, 1)!.Value, 4));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Daily_events_users_and_installs_equal_the_manifest(string engine)
    {
        var kpis = await fixture.Engine(engine).DailyKpisAsync(new KpiDefinition(AllDays));
        Assert.Equal(fixture.Data.Manifest.Days.Select(d => d.Date), kpis.Select(k => k.Day));
        foreach (var (day, kpi) in fixture.Data.Manifest.Days.Zip(kpis))
        {
            Assert.Equal(day.Events, kpi.Events);
            Assert.Equal(day.DistinctUsers, kpi.Dau);
            Assert.Equal(day.Installs, kpi.Counters["installs"]);
            Assert.Equal(day.EventsByName.GetValueOrDefault("signup"), kpi.Counters["signups"]);
            Assert.Equal(day.EventsByName.GetValueOrDefault("click_product_link"), kpi.Counters["product_link_clicks"]);
        }
        Assert.Equal(fixture.Data.Manifest.Totals!.Events, await fixture.Engine(engine).EventCountAsync(AllDays));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Daily_active_users_equal_the_manifest_and_week_and_month_contain_them(string engine)
    {
        var active = await fixture.Engine(engine).ActiveUsersAsync(FullDays);
        foreach (var (day, row) in fixture.Data.Manifest.Days.Zip(active))
        {
            Assert.Equal(day.Date, row.Day);
            Assert.Equal(day.DistinctUsers, row.Dau);
            Assert.InRange(row.Wau, row.Dau, row.Mau);
        }
        Assert.True(active[^1].Wau > active[^1].Dau, "four days of activity should reach more users in a week than in a day");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Top_searched_products_count_only_views_opened_from_search(string engine)
    {
        var where = Sandbox.Analytics.Reporting.KpiReportBuilder.SearchedProducts;
        var fromSearch = fixture.Data.Events
            .Where(e => e.EventName == "view_product" && FullDays.Contains(DateOnly.FromDateTime(e.EventTime)))
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Properties).RootElement)
            .Where(p => p.GetProperty(where.Property).GetString() == where.Value)
            .GroupBy(p => p.GetProperty("product_id").GetString()!)
            .Select(g => new TopValue(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Value, StringComparer.Ordinal)
            .Take(5).ToList();
        Assert.True(fromSearch.Count == 5 && fromSearch[0].Count > 1, "the generated days should open products from search");

        var top = await fixture.Engine(engine).TopValuesAsync(new TopValuesDefinition(FullDays, "view_product", "product_id", 5, where));

        Assert.Equal(fromSearch, top);
    }

    [Fact]
    public void The_archive_really_holds_a_redelivered_batch()
    {
        Assert.True(fixture.Redelivered > 0);
        Assert.Equal(fixture.Data.Lines.Count + fixture.Redelivered, Convert.ToInt64(Scalar("select count(*) from events_raw")));
        Assert.Equal(fixture.Data.Lines.Count, Convert.ToInt64(Scalar("select count(*) from events")));
    }

    private object? Scalar(string sql)
    {
        using var command = fixture.ArchiveConnection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedDaysCollection : ICollectionFixture<GeneratedDaysFixture>
{
    public const string Name = "generated days";
}
