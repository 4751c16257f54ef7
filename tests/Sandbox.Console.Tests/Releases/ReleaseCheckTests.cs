using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.ReleaseCheck;
using Sandbox.ReleaseCheck.Reporting;

namespace Sandbox.Console.Tests.Releases;

/// <summary>
/// The release check in the console (issue #15 item 5) on generated days with a release that drops one funnel
/// step: the API's figures are the library's, bad input is named, and the page shows the step as worse.
/// </summary>
public sealed class ReleaseCheckTests(ReleaseConsole console, BrowserTests.Chromium chromium)
    : IClassFixture<ReleaseConsole>, IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task The_api_lists_versions_newest_first_and_flags_the_release_worse_on_the_dropped_step()
    {
        using var client = await console.SignedInAsync();
        var listing = await client.GetFromJsonAsync<JsonElement>("/api/releases");

        var releases = listing.GetProperty("releases").EnumerateArray().ToList();
        Assert.Equal([ReleaseConsole.Version, ReleaseConsole.Previous], releases.Select(r => r.GetProperty("version").GetString()));
        Assert.Equal("worse", releases[0].GetProperty("verdict").GetString());
        Assert.Equal([ReleaseConsole.DroppedStep], releases[0].GetProperty("worse").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("2026-11-02", releases[0].GetProperty("releaseDay").GetString());
        Assert.False(releases[1].TryGetProperty("verdict", out _)); // the oldest: nothing to compare it with
    }

    [Fact]
    public async Task Checks_are_kept_per_version_and_days_until_a_new_day_of_events_is_loaded()
    {
        using var client = await console.SignedInAsync();
        async Task<string?> CheckedAtAsync(string path) => (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("checkedAt").GetString();
        var list = await CheckedAtAsync("/api/releases");
        var report = await CheckedAtAsync($"/api/releases/{ReleaseConsole.Version}");
        Assert.Equal(list, await CheckedAtAsync("/api/releases"));
        Assert.Equal(report, await CheckedAtAsync($"/api/releases/{ReleaseConsole.Version}"));
        Assert.NotEqual(report, await CheckedAtAsync($"/api/releases/{ReleaseConsole.Version}?days=3"));

        // One user's event three days after the last: a new load day (too small a day to change any figure).
        await using (var load = console.Warehouse.CreateCommand(
            """
            insert into events (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, app_version, properties)
            select 'kept-check-' || event_id, event_name, user_id, anonymous_id, session_id, event_time + interval '3 days', received_at, app_version, properties
            from events order by event_time desc limit 1
            """))
            Assert.Equal(1, await load.ExecuteNonQueryAsync());
        Assert.NotEqual(list, await CheckedAtAsync("/api/releases"));
        Assert.NotEqual(report, await CheckedAtAsync($"/api/releases/{ReleaseConsole.Version}"));
        var page = await client.GetStringAsync("/releases");
        Assert.Contains("""id="checked-at">Checked at""", page);
    }

    [Fact]
    public async Task A_versions_figures_are_the_release_checks_own()
    {
        using var client = await console.SignedInAsync();
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/releases/{ReleaseConsole.Version}");
        await using var warehouse = NpgsqlDataSource.Create(console.WarehouseAsAnalyst);
        var report = await ReleaseChecker.RunAsync(new AnalyticsQueries(new WarehouseEngine(warehouse)), ReleaseConsole.Version);

        Assert.Equal(ReleaseConsole.Previous, json.GetProperty("previousVersion").GetString());
        Assert.Equal("worse", json.GetProperty("verdict").GetString());
        Assert.Equal(ReleaseText.Verdict(report), json.GetProperty("summary").GetString());
        var metrics = json.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(report.Metrics.Select(m => m.Name), metrics.Select(m => m.GetProperty("name").GetString()));
        foreach (var (expected, actual) in report.Metrics.Zip(metrics))
        {
            var vs = actual.GetProperty("vsPrevious");
            Assert.Equal(expected.VsPrevious.Candidate.Successes, vs.GetProperty("candidate").GetProperty("successes").GetInt64());
            Assert.Equal(expected.VsPrevious.Baseline.Trials, vs.GetProperty("baseline").GetProperty("trials").GetInt64());
            Assert.Equal(expected.BeforeAfter.Candidate.Trials, actual.GetProperty("beforeAfter").GetProperty("candidate").GetProperty("trials").GetInt64());
            Assert.Equal(Figures.Verdict(expected.Verdict), actual.GetProperty("verdict").GetString());
        }
        var dropped = metrics.Single(m => m.GetProperty("name").GetString() == ReleaseConsole.DroppedStep).GetProperty("vsPrevious");
        Assert.True(dropped.GetProperty("high").GetDouble() < 0, dropped.ToString()); // the whole interval below zero
        Assert.Equal([ReleaseConsole.DroppedStep], report.Worse.Select(m => m.Name));
    }

    [Fact]
    public async Task Bad_input_is_named_an_unknown_version_is_404_and_keys_work()
    {
        using var client = await console.SignedInAsync();
        var unknown = await client.GetAsync("/api/releases/9.9.9");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal($"version '9.9.9': no events carry it; versions in the warehouse: {ReleaseConsole.Previous}, {ReleaseConsole.Version}", await MessageAsync(unknown));
        var page = await client.GetAsync("/releases/9.9.9");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("version &#39;9.9.9&#39;: no events carry it", await page.Content.ReadAsStringAsync());
        var oldest = await client.GetAsync($"/api/releases/{ReleaseConsole.Previous}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oldest.StatusCode);
        Assert.Contains("is the oldest in the warehouse", await MessageAsync(oldest));
        var days = await client.GetAsync($"/api/releases/{ReleaseConsole.Version}?days=0");
        Assert.Equal(HttpStatusCode.BadRequest, days.StatusCode);
        Assert.Equal("days=0: give a whole number of days within 1..90", await MessageAsync(days));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/releases?days=week")).StatusCode);

        using var anonymous = console.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/releases")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/releases")).StatusCode);
        var key = (await (await client.PostAsync("/api/keys", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        anonymous.DefaultRequestHeaders.Add("Authorization", $"Key {key}");
        var viaKey = await anonymous.GetFromJsonAsync<JsonElement>($"/api/releases/{ReleaseConsole.Version}?days=2");
        Assert.Equal("2026-11-03", viaKey.GetProperty("after").GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_user_without_warehouse_access_is_refused_on_the_api_and_the_page()
    {
        using var admin = await console.SignedInAsync("releaseadmin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/groups", new { name = "no-warehouse", members = new[] { "erin" } })).StatusCode);
        using var erin = await console.SignedInAsync("erin");

        var api = await erin.GetAsync("/api/releases");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("erin has no access to the warehouse data source (no group of theirs grants it)", await MessageAsync(api));
        var page = await erin.GetAsync($"/releases/{ReleaseConsole.Version}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("erin has no access to the warehouse data source", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_shows_the_dropped_step_worse_from_the_navigation()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/login").ToString());
        await page.FillAsync("input[name=name]", "dana");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queries/new");
        await page.ClickAsync("header a[href='/releases']");

        var row = page.Locator($"#releases tr[data-version='{ReleaseConsole.Version}']");
        await Assertions.Expect(row.Locator(".verdict")).ToHaveTextAsync($"WORSE on {ReleaseConsole.DroppedStep}");
        await BrowserTests.Shot(page, "9-releases");
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/releases/{ReleaseConsole.Version}");

        await Assertions.Expect(page.Locator("#overall")).ToHaveTextAsync("worse");
        var step = page.Locator($"#metrics tr[data-metric='{ReleaseConsole.DroppedStep}']");
        await Assertions.Expect(step.Locator("td.verdict").First).ToHaveTextAsync("worse");
        await Assertions.Expect(step.Locator("td").Nth(3)).ToContainTextAsync(" pts [");
        await Assertions.Expect(page.Locator("#metrics tr[data-verdict='worse']")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#metrics tr[data-verdict='no clear difference']").CountAsync() > 5, "most metrics should not move");
        await BrowserTests.Shot(page, "10-release-check");
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString();
}
