using Microsoft.Playwright;

namespace Sandbox.Console.Tests;

/// <summary>
/// In Debian's chromium: write a query with a parameter, run it, chart it (the default from the
/// column types, then a stacked bar), save it, add it to a dashboard, open the dashboard, reload it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardBrowserTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task Chart_a_query_add_it_to_a_dashboard_and_see_it_after_a_reload()
    {
        using (var api = await console.SignedInAsync("alice"))
            await DashboardApiTests.CreateDashboardAsync(api, "Browser board", new { name = "days", type = "number", value = "4" });

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/login?ReturnUrl=%2Fqueries%2Fnew").ToString());
        await page.FillAsync("input[name=name]", "alice");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("alice (analyst)");
        await EditorPage.WriteSqlAsync(page,
            "select date '2026-11-01' + g as day, g * 10 as installs, g * 3 as signups from generate_series(1, {{ days }}::int) g");
        await page.Locator("[data-param=days] select").SelectOptionAsync("number");
        await page.Locator("[data-param=days] input").FillAsync("6");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("6 rows in");
        // date + numbers: a line chart by default, drawn by ECharts as SVG.
        await Assertions.Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-visualization", "line");
        await Assertions.Expect(page.Locator("#chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart svg")).ToContainTextAsync("2026-11-07");
        await BrowserTests.Shot(page, "5-default-line-chart");

        await page.Locator("#viz-type").SelectOptionAsync("bar");
        await page.CheckAsync("#viz-stacked");
        await Assertions.Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-visualization", "bar");
        await page.FillAsync("#name", "installs by day");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("saved as query");
        await BrowserTests.Shot(page, "6-stacked-bar");

        await page.Locator("#dashboard-choice").SelectOptionAsync(new SelectOptionValue { Label = "Browser board" });
        await page.ClickAsync("#add-to-dashboard");
        await Assertions.Expect(page.Locator("#add-message")).ToContainTextAsync("added to Browser board");
        await page.ClickAsync("#add-message a");

        var widget = page.Locator(".widget").First;
        await Assertions.Expect(widget.Locator("h3 a")).ToHaveTextAsync("installs by day");
        await Assertions.Expect(widget.Locator(".widget-body")).ToHaveAttributeAsync("data-visualization", "bar");
        // The dashboard's parameter (days = 4) feeds the query's.
        await Assertions.Expect(widget.Locator(".widget-status")).ToContainTextAsync("4 rows");
        await page.Locator("[data-param=days] input").FillAsync("3");
        await page.ClickAsync("#params button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/dashboards/\d+\?p_days=3$"));
        await Assertions.Expect(widget.Locator(".widget-status")).ToContainTextAsync("3 rows");

        await page.ReloadAsync();
        await Assertions.Expect(widget.Locator(".widget-status")).ToContainTextAsync("3 rows");
        await Assertions.Expect(widget.Locator(".widget-body svg")).ToContainTextAsync("2026-11-04");
        await BrowserTests.Shot(page, "7-dashboard-after-reload");
    }
}
