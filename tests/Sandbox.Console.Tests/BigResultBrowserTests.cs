using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Npgsql;

namespace Sandbox.Console.Tests;

/// <summary>
/// #14: a 1M-row query in Debian's chromium keeps the page responsive. A second console on the
/// suite's state with the production grid cap (100,000 rows): the grid shows the first rows while the
/// run is still going, typing and scrolling work in the meantime, the grid stops at its cap and the
/// page offers the full result as downloads.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BigResultBrowserTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>, IAsyncLifetime
{
    private const int Cap = 100_000;

    // Row 50,000 waits for an advisory lock the test holds (a transaction-scoped shared lock, allowed
    // in the read-only run): rows before it stream, and the run cannot end until the test lets it go.
    private static string MillionRows(long lockKey) =>
        $"select g as n, md5(g::text) || coalesce(case when g = 50000 then pg_advisory_xact_lock_shared({lockKey})::text end, '') as hash " +
        "from generate_series(1, 1000000) g";

    private WebApplication _app = null!;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync() =>
        (_app, _baseUrl) = await ConsoleFixture.StartAsync(console.Settings with
        {
            GridRowCap = Cap, StatementTimeout = TimeSpan.FromSeconds(60),
            Refresh = console.Settings.Refresh with { RunInBackground = false },
        });

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_million_row_query_shows_its_first_rows_stays_responsive_and_stops_at_the_grid_cap()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(_baseUrl, "/login?ReturnUrl=%2Fqueries%2Fnew").ToString());
        await page.FillAsync("input[name=name]", "alice");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("alice (analyst)");
        var lockKey = Random.Shared.NextInt64(1, long.MaxValue);
        await using var holder = new NpgsqlConnection(console.AdminConnectionString);
        await holder.OpenAsync();
        await Advisory(holder, "pg_advisory_lock", lockKey);
        await EditorPage.WriteSqlAsync(page, MillionRows(lockKey));

        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator(".grid-row").First).ToContainTextAsync("1c4ca4238a0b923820dcc509a6f75849b");
        await Assertions.Expect(page.Locator("#cancel")).ToBeEnabledAsync(); // still streaming
        await BrowserTests.Shot(page, "first-rows-while-streaming");

        // While rows stream: the editor takes typing and the grid scrolls to rows that arrived.
        await page.Locator(".cm-content").PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" -- typed while streaming");
        await Assertions.Expect(page.Locator(".cm-content")).ToContainTextAsync("typed while streaming");
        await page.Locator(".grid-scroll").EvaluateAsync("s => s.scrollTop = 5000 * 24");
        await Assertions.Expect(Cell(page, 5001)).ToBeVisibleAsync();
        Assert.True(await page.Locator("#cancel").IsEnabledAsync(), "the run should still be waiting at row 50,000");
        await BrowserTests.Shot(page, "scrolled-while-streaming");
        await Advisory(holder, "pg_advisory_unlock", lockKey);

        // The grid stops at its cap; the full result is offered as downloads.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(
            $"the grid holds the first {Cap:N0}; download CSV for the full result", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".grid-scroll")).ToHaveAttributeAsync("data-rows", Cap.ToString());
        await Assertions.Expect(page.Locator("#csv")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#json")).ToBeEnabledAsync();
        // Too many rows for a default chart: the grid is the result, and the page still answers at once.
        await Assertions.Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-visualization", "table");
        await page.Locator(".grid-scroll").EvaluateAsync("s => s.scrollTop = s.scrollHeight");
        await Assertions.Expect(Cell(page, Cap)).ToBeVisibleAsync();
        await BrowserTests.Shot(page, "capped");
    }

    private static async Task Advisory(NpgsqlConnection connection, string function, long key)
    {
        await using var command = new NpgsqlCommand($"select {function}($1)", connection);
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The grid's cell of column n in row n (n is the row number).</summary>
    private static ILocator Cell(IPage page, int n) =>
        page.Locator(".grid-row .grid-cell").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{n}$") });
}
