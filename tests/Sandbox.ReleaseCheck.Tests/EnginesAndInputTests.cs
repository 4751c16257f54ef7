using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.Generator.Config;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.ReleaseCheck.Statistics;
using Sandbox.ReleaseCheck.Tests.Support;
using Sandbox.Warehouse.Schema;

namespace Sandbox.ReleaseCheck.Tests;

/// <summary>A small release read by both engines (the warehouse as the analyst), and the inputs the check refuses.</summary>
public class EnginesAndInputTests
{
    private static GeneratorConfig Small => new()
    {
        From = new DateOnly(2026, 11, 1),
        To = new DateOnly(2026, 11, 3),
        Users = 3_000,
        EventsPerDay = 15_000,
        Seed = 5,
        Servers = 2,
        Behaviour = new BehaviourConfig { Releases = [new ReleaseDefinition(GeneratedRelease.Version, new DateOnly(2026, 11, 2))] },
    };

    [Fact]
    public async Task The_warehouse_read_as_the_analyst_gives_the_same_counts_as_duckdb()
    {
        using var data = new GeneratedRelease(Small);
        var endpoints = EndpointsLoader.Load();
        await using var scratch = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, "release_check");
        await WarehouseCopy.LoadAsync(data.Connection, scratch.DataSource);
        await using var analyst = NpgsqlDataSource.Create(scratch.ConnectionStringAs(endpoints.WarehouseAnalystConnectionString));

        var warehouse = await ReleaseChecker.RunAsync(new AnalyticsQueries(new WarehouseEngine(analyst)), GeneratedRelease.Version);
        await using var duck = new DuckDbEngine(data.Connection);
        var lake = await ReleaseChecker.RunAsync(new AnalyticsQueries(duck), GeneratedRelease.Version);

        Assert.Equal((GeneratedRelease.Previous, new DateOnly(2026, 11, 2)), (warehouse.PreviousVersion, warehouse.ReleaseDay));
        Assert.Equal(Counts(lake), Counts(warehouse));
        Assert.Contains(warehouse.Metrics, m => m.VsPrevious.Candidate.Trials > 0 && m.VsPrevious.Baseline.Trials > 0);
        var recent = await ReleaseChecker.RecentReleasesAsync(new AnalyticsQueries(duck), new DateOnly(2026, 11, 3));
        Assert.Equal([new ReleaseInfo(GeneratedRelease.Version, new DateOnly(2026, 11, 2), GeneratedRelease.Previous)], recent);
        Assert.Empty(await ReleaseChecker.RecentReleasesAsync(new AnalyticsQueries(duck), new DateOnly(2026, 11, 1)));
        var newest = await ReleaseChecker.NewestChecksAsync(new AnalyticsQueries(duck), newest: 1);
        Assert.Equal([GeneratedRelease.Version, GeneratedRelease.Previous], newest.Select(r => r.Release.Version));
        Assert.Equal(Counts(lake), Counts(newest[0].Report!));
        Assert.Equal((null, null), (newest[1].Report, newest[1].NotYet)); // the oldest: nothing to compare it with
        var summary = ReleaseSummary.From(warehouse);
        Assert.StartsWith($"Release {GeneratedRelease.Version}: ", summary.Header);
        Assert.True(summary.Section.Length <= ReleaseSummary.MaxSection);
    }

    [Fact]
    public async Task An_unknown_version_the_oldest_version_and_an_empty_table_are_named()
    {
        using var data = new GeneratedRelease(Small with { To = new DateOnly(2026, 11, 2), EventsPerDay = 2_000, Users = 500 });
        await using var engine = new DuckDbEngine(data.Connection);
        var queries = new AnalyticsQueries(engine);

        var unknown = await Assert.ThrowsAsync<UnknownVersionException>(() => ReleaseChecker.RunAsync(queries, "9.9.9"));
        Assert.Equal("9.9.9", unknown.Version);
        Assert.Equal($"version '9.9.9': no events carry it; versions in the lake: {GeneratedRelease.Previous}, {GeneratedRelease.Version}", unknown.Message);
        var oldest = await Assert.ThrowsAsync<ReleaseCheckException>(() => ReleaseChecker.RunAsync(queries, GeneratedRelease.Previous));
        Assert.Contains("is the oldest", oldest.Message);
        await Assert.ThrowsAsync<ReleaseCheckException>(() => ReleaseChecker.RunAsync(queries, GeneratedRelease.Version, days: 0));

        await queries.Engine.QueryAsync("delete from events");
        var empty = await Assert.ThrowsAsync<ReleaseCheckException>(() => ReleaseChecker.RunAsync(queries, GeneratedRelease.Version));
        Assert.Contains("holds no events with an app_version", empty.Message);
    }

    private static List<string> Counts(ReleaseReport report) => report.Metrics.Select(m =>
        $"{m.Name} {m.VsPrevious.Candidate} {m.VsPrevious.Baseline} {m.BeforeAfter.Candidate} {m.BeforeAfter.Baseline} {m.Verdict}").ToList();
}
