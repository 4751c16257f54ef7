using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Console.Starter;

namespace Sandbox.Console.Tests;

/// <summary>
/// The starter "KPI" dashboard over a warehouse of three days of events: every widget's numbers
/// equal what `sandbox report` computes (KpiReportBuilder, on the same database, as the same role).
/// </summary>
public sealed class StarterContentTests(StarterContentTests.KpiConsole console, BrowserTests.Chromium chromium)
    : IClassFixture<StarterContentTests.KpiConsole>, IClassFixture<BrowserTests.Chromium>
{
    private static readonly DateRange Days = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3));

    [Fact]
    public async Task The_kpi_dashboard_defaults_to_the_days_with_events_and_shows_every_report_figure()
    {
        var dashboard = await console.KpiDashboardAsync();
        var parameters = dashboard.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString());
        Assert.Equal("2026-11-01", parameters["from"]);
        Assert.Equal("2026-11-03", parameters["to"]);
        var names = dashboard.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("queryName").GetString()).ToList();
        Assert.Equal(
            ["KPI: DAU / WAU / MAU", "KPI: daily events and counters", "KPI: onboarding funnel", "KPI: shopping funnel",
             "KPI: retention by install cohort", "KPI: top searches", "KPI: top searched products", "KPI: top clicked products"], names);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-03")]
    [InlineData("2026-11-02", "2026-11-02")]
    public async Task Every_widget_equals_sandbox_report_on_the_same_data(string from, string to)
    {
        var range = new DateRange(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        await using var warehouse = NpgsqlDataSource.Create(console.WarehouseAsAnalyst);
        var report = await KpiReportBuilder.BuildAsync(new AnalyticsQueries(new WarehouseEngine(warehouse)), range,
            KpiReportBuilder.GeneratorFunnels(Generator.Config.FunnelDefinition.Defaults, range));
        Assert.True(report.Events > 0, "the report should see events");

        var widgets = await console.WidgetRowsAsync(from, to);
        Assert.Equal(report.ActiveUsers.Select(r => Line(r.Day, r.Dau, r.Wau, r.Mau)), widgets["KPI: DAU / WAU / MAU"]);
        Assert.Equal(report.Daily.Select(r => Line([Day(r.Day), r.Events, r.Dau, .. KpiDefinition.Counters.Select(c => (object)r.Counters[c.Name])])),
            widgets["KPI: daily events and counters"]);
        foreach (var funnel in report.Funnels)
            Assert.Equal(funnel.Rows.Select(r => Line([Day(r.Day), r.Breakdown, .. r.Users.Cast<object>()])), widgets[$"KPI: {funnel.Definition.Name} funnel"]);
        Assert.Equal(report.Retention.Cells.Select(c => Line(c.Cohort, c.Age, c.Users)), widgets["KPI: retention by install cohort"]);
        Assert.Equal(report.TopSearches.Select(t => Line(t.Value, t.Count)), widgets["KPI: top searches"]);
        Assert.Equal(report.TopSearchedProducts.Select(t => Line(t.Value, t.Count)), widgets["KPI: top searched products"]);
        Assert.Equal(report.TopClickedProducts.Select(t => Line(t.Value, t.Count)), widgets["KPI: top clicked products"]);
        Assert.NotEmpty(report.TopSearches);
        Assert.NotEmpty(report.Retention.Cells);
    }

    [Fact]
    public async Task The_kpi_dashboard_draws_its_charts_funnels_and_retention_triangle()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/login").ToString());
        await page.FillAsync("input[name=name]", "carol");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queries/new");
        await page.GotoAsync(new Uri(console.BaseUrl, $"/dashboards/{(await console.KpiDashboardAsync()).GetProperty("id")}").ToString());
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-visualization=funnel] svg")).ToHaveCountAsync(2);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-visualization=funnel] svg").First).ToContainTextAsync("app_install");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("table.cohort tbody tr")).ToHaveCountAsync(3);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-visualization=line] svg")).ToHaveCountAsync(2);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-visualization=bar] svg")).ToHaveCountAsync(3);
        await BrowserTests.Shot(page, "8-kpi-dashboard");
    }

    [Fact]
    public async Task A_first_start_that_crashed_mid_seed_is_completed_on_the_next_without_duplicates()
    {
        var expected = StarterContent.Queries().Select(q => q.Name).ToList();
        await console.InterruptSeedAsync(queriesKept: 5, widgetsKept: 4);
        Assert.Equal(expected.Take(4), (await console.KpiDashboardAsync()).GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("queryName").GetString()));

        await console.MakeStarterContentAsync();
        await console.MakeStarterContentAsync(); // the marker is back: a second start makes nothing

        var widgets = (await console.KpiDashboardAsync()).GetProperty("widgets").EnumerateArray().ToList(); // KpiDashboardAsync: exactly one "KPI"
        Assert.Equal(expected, widgets.Select(w => w.GetProperty("queryName").GetString()));
        Assert.Equal(expected.Count, widgets.Select(w => w.GetProperty("queryId").GetInt32()).Distinct().Count());
        using var client = await ConsoleFixture.SignedInAsync(console.BaseUrl, "carol");
        var names = (await client.GetFromJsonAsync<JsonElement>("/api/queries")).EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();
        Assert.Equal(expected.Order(), names.Where(n => n!.StartsWith("KPI: ", StringComparison.Ordinal)).Order());
    }

    private static string Line(params object?[] values) => string.Join("|", values.Select(v => v switch
    {
        DateOnly d => Day(d),
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A warehouse database with synthetic events, and a console over it that made its starter content at start.</summary>
    public sealed class KpiConsole : IAsyncLifetime
    {
        private PrivateConsole _console = null!;

        public Uri BaseUrl => _console.BaseUrl;

        public string WarehouseAsAnalyst => _console.WarehouseAsAnalyst;

        public async Task InitializeAsync()
        {
            _console = await PrivateConsole.StartAsync("console_kpi", async warehouse =>
            {
                await using var insert = warehouse.DataSource.CreateCommand(SyntheticEvents);
                await insert.ExecuteNonQueryAsync();
            });
            await _console.AddUserAsync("carol");
        }

        public async Task<JsonElement> KpiDashboardAsync()
        {
            using var client = await ConsoleFixture.SignedInAsync(BaseUrl, "carol");
            var all = await client.GetFromJsonAsync<JsonElement>("/api/dashboards");
            return Assert.Single(all.EnumerateArray(), d => d.GetProperty("name").GetString() == "KPI");
        }

        /// <summary>
        /// What a first start that crashed while making the starter content leaves: no marker (its
        /// transaction rolled back), the first queries made, the last of those without its widget yet.
        /// </summary>
        public async Task InterruptSeedAsync(int queriesKept, int widgetsKept)
        {
            await using var batch = _console.StateDatabase.CreateBatch();
            batch.BatchCommands.Add(new("delete from console.starter_content"));
            batch.BatchCommands.Add(new(
                $"delete from console.dashboard_widgets where query_id in (select id from console.saved_queries where name like 'KPI: %' order by id offset {widgetsKept})"));
            batch.BatchCommands.Add(new(
                $"delete from console.saved_queries where id in (select id from console.saved_queries where name like 'KPI: %' order by id offset {queriesKept})"));
            await batch.ExecuteNonQueryAsync();
        }

        public Task MakeStarterContentAsync() => _console.Services.GetRequiredService<StarterContent>().MakeAsync();

        /// <summary>Each widget's rows as "a|b|c" lines, run through the console's API with the given days.</summary>
        public async Task<Dictionary<string, List<string>>> WidgetRowsAsync(string from, string to)
        {
            var dashboard = await KpiDashboardAsync();
            using var client = await ConsoleFixture.SignedInAsync(BaseUrl, "carol");
            var rows = new Dictionary<string, List<string>>();
            foreach (var widget in dashboard.GetProperty("widgets").EnumerateArray())
            {
                var result = await client.GetFromJsonAsync<JsonElement>(
                    $"/api/dashboards/{dashboard.GetProperty("id")}/widgets/{widget.GetProperty("id")}/results?p_from={from}&p_to={to}");
                rows[widget.GetProperty("queryName").GetString()!] = result.GetProperty("rows").EnumerateArray()
                    .Select(r => string.Join("|", r.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? "" : c.ToString()))).ToList();
            }
            return rows;
        }

        public async Task DisposeAsync() => await _console.DisposeAsync();

        /// <summary>8,000 deterministic events of 400 installs over 2026-11-01..03: every event the report counts.</summary>
        private const string SyntheticEvents =
            """
            insert into events (event_id, event_name, anonymous_id, event_time, received_at, platform, app_version, properties)
            select 'e' || g, (array['app_install', 'signup', 'view_post', 'like_post', 'post_review', 'search', 'view_product', 'click_product_link'])[1 + abs(hashtext('n' || g)) % 8],
                   'a' || abs(hashtext('a' || g)) % 400, t, t, case when g % 2 = 0 then 'ios' else 'android' end, '5.10.0',
                   jsonb_build_object('query', 'q' || abs(hashtext('q' || g)) % 15, 'product_id', 'pr' || abs(hashtext('p' || g)) % 20,
                                      'source', case when g % 3 = 0 then 'search' else 'feed' end)
            from generate_series(1, 8000) g
            cross join lateral (select timestamptz '2026-11-01 00:00:00+00' + (abs(hashtext('t' || g)) % 259200) * interval '1 second' as t) times
            """;
    }
}
