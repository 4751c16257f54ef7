using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sandbox.Console.State;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Features;

/// <summary>
/// In Debian's chromium: tags, fork and archive from the editor and the query list; an enum
/// parameter carried in the address; a View-only user on the lake who cannot run new SQL there nor
/// reach the app database; the groups and audit pages.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FeaturesBrowserTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task Tags_fork_and_archive_from_the_editor_and_the_query_list()
    {
        var page = await SignInAsync("alice", "/queries/new");
        await page.Locator(".cm-content").FillAsync("select 'tagged' as what");
        await Assertions.Expect(page.Locator("#query-tools")).ToBeHiddenAsync();
        await page.FillAsync("#name", "tagged in the browser");
        await page.FillAsync("#tags", "browser, weekly");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("1 rows in");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("saved as query");
        var original = int.Parse(Regex.Match(page.Url, @"/queries/(\d+)").Groups[1].Value);
        await Assertions.Expect(page.Locator("#versions option")).ToHaveCountAsync(1);

        await page.ClickAsync("#fork");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/queries/(?!{original}\b)\d+$"));
        await Assertions.Expect(page.Locator("#name")).ToHaveValueAsync($"Copy of (#{original}) tagged in the browser");
        await Assertions.Expect(page.Locator("#forked")).ToHaveTextAsync($"forked from query {original}");
        await Assertions.Expect(page.Locator("#tags")).ToHaveValueAsync("browser, weekly");
        await page.ClickAsync("#archive");
        await Assertions.Expect(page.Locator("#archived")).ToContainTextAsync("Archived on");
        await Assertions.Expect(page.Locator("#archive")).ToHaveTextAsync("Restore");
        await BrowserTests.Shot(page, "features-1-archived-fork");
        var fork = int.Parse(Regex.Match(page.Url, @"/queries/(\d+)").Groups[1].Value);

        await page.GotoAsync(new Uri(console.BaseUrl, "/queries?tag=browser").ToString());
        await Assertions.Expect(page.Locator($"tr[data-query='{original}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-query='{fork}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#my-runs tbody tr").First).ToContainTextAsync("(unsaved)editorwarehouse");
        await page.CheckAsync("#show-archived");
        await Assertions.Expect(page.Locator($"tr[data-query='{fork}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-query='{original}']")).ToHaveCountAsync(0);
        await BrowserTests.Shot(page, "features-2-query-list");
    }

    [Fact]
    public async Task An_enum_parameter_is_chosen_from_its_options_and_carried_in_the_address()
    {
        var page = await SignInAsync("bob", "/queries/new");
        await page.Locator(".cm-content").FillAsync("select {{ country }} as country");
        var parameter = page.Locator("[data-param=country]");
        await parameter.Locator(".param-type").SelectOptionAsync("enum");
        await parameter.Locator(".param-options").FillAsync("JP, US, KR");
        await parameter.Locator(".param-options").DispatchEventAsync("change");
        await parameter.Locator(".param-choice").SelectOptionAsync("US");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator(".grid-row").First).ToHaveTextAsync("US");
        Assert.EndsWith("/queries/new?p_country=US", page.Url);
        await page.FillAsync("#name", "by country");
        await page.ClickAsync("#save");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/queries/\d+\?p_country=US$"));

        await page.ReloadAsync();
        await Assertions.Expect(parameter.Locator(".param-choice")).ToHaveValueAsync("US");
        await Assertions.Expect(parameter.Locator(".param-options")).ToHaveValueAsync("JP, US, KR");
        await BrowserTests.Shot(page, "features-3-enum");
    }

    [Fact]
    public async Task A_view_only_user_on_the_lake_cannot_run_new_sql_there_nor_reach_the_app_database()
    {
        var users = new UserStore(console.StateDatabase);
        await users.CreateAsync("frank", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("pageadmin", Roles.Admin, ConsoleFixture.Password);
        using var alice = await console.SignedInAsync("alice");
        var lakeQuery = await SaveOnAsync(alice, "lake for frank", "lake");
        var appQuery = await SaveOnAsync(alice, "appdb for frank", "appdb");

        // The admin makes the group on the groups page.
        var admin = await SignInAsync("pageadmin", "/groups");
        await admin.FillAsync("#new-group [name=name]", "lake readers");
        await admin.FillAsync("#new-group [name=members]", "frank");
        await admin.ClickAsync("#new-group button");
        var row = admin.Locator("tr[data-group='lake readers']");
        await row.Locator("select[data-source=warehouse]").SelectOptionAsync("full");
        await row.Locator("select[data-source=lake]").SelectOptionAsync("view");
        await row.Locator(".group-save").ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-group='lake readers'] select[data-source=lake]")).ToHaveValueAsync("view");
        await BrowserTests.Shot(admin, "features-4-groups");
        await admin.GotoAsync(new Uri(console.BaseUrl, "/audit").ToString());
        await Assertions.Expect(admin.Locator("#audit tbody tr", new() { HasText = "/api/groups" }).First).ToContainTextAsync("pageadmin");
        await BrowserTests.Shot(admin, "features-5-audit");

        var frank = await SignInAsync("frank", $"/queries/{lakeQuery}");
        await Assertions.Expect(frank.Locator("#name")).ToHaveValueAsync("lake for frank");
        await Assertions.Expect(frank.Locator("#access-note")).ToContainTextAsync("view-only on lake");
        await Assertions.Expect(frank.Locator("#source option[value=appdb]")).ToBeDisabledAsync();
        await frank.Locator(".cm-content").FillAsync("select 2 as two");
        await frank.ClickAsync("#run");
        await Assertions.Expect(frank.Locator("#error")).ToContainTextAsync("frank has view-only access to the lake data source");
        await frank.ClickAsync("#save");
        await Assertions.Expect(frank.Locator("#error")).ToContainTextAsync("view-only access to the lake");
        await BrowserTests.Shot(frank, "features-6-view-only-lake");
        await frank.GotoAsync(new Uri(console.BaseUrl, $"/queries/{appQuery}").ToString());
        await Assertions.Expect(frank.Locator("#error")).ToContainTextAsync("frank has no access to the appdb data source");
        Assert.Equal("lake for frank", (await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{lakeQuery}")).GetProperty("name").GetString());

    }

    private static async Task<int> SaveOnAsync(HttpClient client, string name, string source)
    {
        var response = await client.PostAsJsonAsync("/api/queries", new { name, sql = "select 1 as one", source });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
    }

    [Fact]
    public async Task An_old_version_is_restored_from_the_version_list_in_one_click()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("restore in the browser", "select 'first' as text")).Id();
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/queries/{id}", new { name = "restore in the browser", sql = "select 'second' as text" })).StatusCode);

        var page = await SignInAsync("alice", $"/queries/{id}");
        await Assertions.Expect(page.Locator("#restore-version")).ToBeHiddenAsync();
        await page.Locator("#versions").SelectOptionAsync("1");
        await Assertions.Expect(page.Locator("#version-text")).ToContainTextAsync("select 'first' as text");
        await page.ClickAsync("#restore-version");
        await Assertions.Expect(page.Locator("#versions option").First).ToHaveTextAsync("version 3 (current)");
        await Assertions.Expect(page.Locator(".cm-content")).ToHaveTextAsync("select 'first' as text");
        await BrowserTests.Shot(page, "features-7-version-restored");
    }

    private async Task<IPage> SignInAsync(string name, string path)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, $"/login?ReturnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync(name);
        return page;
    }
}
