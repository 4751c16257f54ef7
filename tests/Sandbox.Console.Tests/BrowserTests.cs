using Microsoft.Playwright;
using Sandbox.Testing;

namespace Sandbox.Console.Tests;

/// <summary>
/// The editor in Debian's chromium (Playwright drives it; no browser download is possible here):
/// sign in, write a query with a parameter, run it, save it, reload the permalink. Screenshots of
/// every page go to .sandbox/test-results/console/{test} (<see cref="Chromium"/>).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class BrowserTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task Sign_in_run_a_query_with_a_parameter_save_it_and_reload_its_permalink()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/queries/new").ToString());
        Assert.EndsWith("/login?ReturnUrl=%2Fqueries%2Fnew", page.Url);
        await page.FillAsync("input[name=name]", "alice");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await Shot(page, "1-sign-in");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queries/new");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("alice (analyst)");

        await EditorPage.WriteSqlAsync(page, "select g as n, g * g as square from generate_series(1, {{ upto }}) g");
        var parameter = page.Locator("[data-param=upto]");
        await parameter.Locator("select").SelectOptionAsync("number");
        await parameter.Locator("input").FillAsync("25");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("25 rows in");
        await Assertions.Expect(page.Locator(".grid-scroll")).ToHaveAttributeAsync("data-rows", "25");
        await Assertions.Expect(page.Locator(".grid-header")).ToHaveTextAsync("nsquare");
        await Assertions.Expect(page.Locator(".grid-row").First).ToHaveTextAsync("11");
        await Shot(page, "2-ran");

        await page.FillAsync("#name", "squares");
        await page.FillAsync("#description", "n and n squared");
        await page.ClickAsync("#save");
        // replaceState, not a page load: the address changes in place, carrying the run's values.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/queries/\d+\?p_upto=25$"));
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("saved as query");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("squares");
        await Assertions.Expect(page.Locator("#owner")).ToHaveTextAsync("by alice");
        await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("{{ upto }}");
        await Assertions.Expect(page.Locator("[data-param=upto] input")).ToHaveValueAsync("25");
        await Assertions.Expect(page.Locator("[data-param=upto] select")).ToHaveValueAsync("number");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator(".grid-scroll")).ToHaveAttributeAsync("data-rows", "25");
        await Shot(page, "3-permalink");
    }

    [Fact]
    public async Task A_sql_error_shows_the_database_message_and_where()
    {
        var page = await SignedInPageAsync(nameof(A_sql_error_shows_the_database_message_and_where));
        await EditorPage.WriteSqlAsync(page, "select 1\nfrom nowhere");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("ERROR: relation \"nowhere\" does not exist (line 2, column 6)");
        await Shot(page, "4-sql-error");
    }

    private async Task<IPage> SignedInPageAsync(string test)
    {
        var page = await chromium.NewPageAsync(test);
        await page.GotoAsync(new Uri(console.BaseUrl, "/login").ToString());
        await page.FillAsync("input[name=name]", "bob");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("bob (analyst)");
        return page;
    }
}
