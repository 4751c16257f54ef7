using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Sandbox.Console.State;

namespace Sandbox.Console.Tests.Ops;

/// <summary>Groups with View-only or no access to the warehouse: a viewer reads and refreshes but cannot run new SQL or edit.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task A_view_only_user_sees_a_query_but_cannot_run_new_sql_or_save_it_and_a_user_without_access_sees_nothing()
    {
        var users = new UserStore(console.StateDatabase);
        await users.CreateAsync("carol", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("dave", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("groupadmin", Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("groupadmin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/groups",
            new { name = "viewers", members = new[] { "carol" }, dataSources = new Dictionary<string, string> { ["warehouse"] = "view" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/groups", new { name = "outsiders", members = new[] { "dave" } })).StatusCode);
        using var alice = await console.SignedInAsync("alice");
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsJsonAsync("/api/groups", new { name = "mine" })).StatusCode);
        var id = (await alice.SaveAsync("shared with viewers", "select 42 as answer")).Id();

        using var dave = await console.SignedInAsync("dave");
        var refused = await dave.GetAsync($"/api/queries/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("dave has no access to the warehouse data source (no group of theirs grants it)", (await refused.ErrorAsync()).GetProperty("message").GetString());
        using var carol = await console.SignedInAsync("carol");
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync($"/api/queries/{id}/results.json")).StatusCode);
        await carol.EndedJobAsync((await carol.RefreshAsync(id)).GetProperty("id").GetInt64());

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, $"/login?ReturnUrl=%2Fqueries%2F{id}").ToString());
        await page.FillAsync("input[name=name]", "carol");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync("shared with viewers");
        await Assertions.Expect(page.Locator("#result-age")).ToContainTextAsync("cached result from");
        await page.Locator(".cm-content").FillAsync("select 43 as answer");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("carol has view-only access to the warehouse data source");
        await page.FillAsync("#name", "renamed by a viewer");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("view-only access");
        await BrowserTests.Shot(page, "view-only-refused");
        Assert.Equal("shared with viewers", (await alice.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/queries/{id}")).GetProperty("name").GetString());
    }
}
