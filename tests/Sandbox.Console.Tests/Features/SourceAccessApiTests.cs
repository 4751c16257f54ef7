using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Console.State;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Features;

/// <summary>Groups limit every data source (warehouse, lake, appdb) the same way; admins manage them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SourceAccessApiTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_group_limits_the_lake_and_the_app_database_like_the_warehouse()
    {
        var users = new UserStore(console.StateDatabase);
        await users.CreateAsync("erin", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("sourceadmin", Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("sourceadmin");
        var made = await admin.PostAsJsonAsync("/api/groups", new
        {
            name = "lake viewers", members = new[] { "erin" }, dataSources = new Dictionary<string, string> { ["warehouse"] = "full", ["lake"] = "view" },
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var alice = await console.SignedInAsync("alice");
        var lakeQuery = (await (await alice.PostAsJsonAsync("/api/queries", new { name = "lake one", sql = "select 1 as one", source = "lake" }))
            .Content.ReadFromJsonAsync<JsonElement>()).Id();
        var appQuery = (await (await alice.PostAsJsonAsync("/api/queries", new { name = "app one", sql = "select 1 as one", source = "appdb" }))
            .Content.ReadFromJsonAsync<JsonElement>()).Id();

        using var erin = await console.SignedInAsync("erin");
        var access = await erin.GetFromJsonAsync<Dictionary<string, string>>("/api/access");
        Assert.Equal(new Dictionary<string, string> { ["warehouse"] = "full", ["lake"] = "view", ["appdb"] = "none" }, access);
        Assert.Equal(HttpStatusCode.OK, (await erin.PostAsJsonAsync("/api/run", new { sql = "select 1" })).StatusCode);
        await RefusedAsync(erin.PostAsJsonAsync("/api/run", new { sql = "select 1", source = "lake" }),
            "erin has view-only access to the lake data source: running new SQL and changing queries, schedules and alerts needs Full access");
        await RefusedAsync(erin.PostAsJsonAsync("/api/run/csv", new { sql = "select 1", source = "appdb" }),
            "erin has no access to the appdb data source (no group of theirs grants it)");
        await RefusedAsync(erin.GetAsync("/api/schema?source=appdb"), "erin has no access to the appdb data source (no group of theirs grants it)");
        await RefusedAsync(erin.PostAsJsonAsync("/api/queries", new { name = "mine", sql = "select 1", source = "lake" }), "erin has view-only access to the lake data source");
        // Moving her own warehouse query onto a source she may not write is refused too.
        var own = (await erin.SaveAsync("erin's", "select 1")).Id();
        await RefusedAsync(erin.PutAsJsonAsync($"/api/queries/{own}", new { name = "moved", sql = "select 1", source = "appdb" }), "erin has no access to the appdb");

        Assert.Equal(HttpStatusCode.OK, (await erin.GetAsync($"/api/queries/{lakeQuery}")).StatusCode);
        // View-only may refresh a saved lake query (queued: whether the lake answers in time is LakeSourceTests' business).
        Assert.Equal(HttpStatusCode.Accepted, (await erin.PostAsync($"/api/queries/{lakeQuery}/refresh", null)).StatusCode);
        await RefusedAsync(erin.PostAsync($"/api/queries/{lakeQuery}/fork", null), "erin has view-only access to the lake data source");
        await RefusedAsync(erin.GetAsync($"/api/queries/{appQuery}"), "erin has no access to the appdb data source");
        await RefusedAsync(erin.GetAsync($"/api/queries/{appQuery}/results.json"), "erin has no access to the appdb data source");
        var listed = (await erin.GetFromJsonAsync<JsonElement>("/api/queries")).EnumerateArray().Select(q => q.Id()).ToList();
        Assert.Contains(lakeQuery, listed);
        Assert.DoesNotContain(appQuery, listed);
    }

    [Fact]
    public async Task Admins_list_change_and_delete_groups_and_bad_input_is_refused()
    {
        var users = new UserStore(console.StateDatabase);
        await users.CreateAsync("grace", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("groupkeeper", Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("groupkeeper");
        var id = (await (await admin.PostAsJsonAsync("/api/groups", new { name = "analysts", members = new[] { "grace" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).Id();
        using var grace = await console.SignedInAsync("grace");
        await RefusedAsync(grace.PostAsJsonAsync("/api/run", new { sql = "select 1" }), "grace has no access to the warehouse data source");

        var changed = await admin.PutAsJsonAsync($"/api/groups/{id}", new
        {
            name = "analysts", members = new[] { "grace", "alice" }, dataSources = new Dictionary<string, string> { ["warehouse"] = "full", ["appdb"] = "view" },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var group = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["alice", "grace"], group.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("view", group.GetProperty("dataSources").GetProperty("appdb").GetString());
        Assert.Equal(HttpStatusCode.OK, (await grace.PostAsJsonAsync("/api/run", new { sql = "select 1" })).StatusCode);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/groups")).EnumerateArray(), g => g.GetProperty("name").GetString() == "analysts");

        await BadAsync(admin.PostAsJsonAsync("/api/groups", new { name = "analysts" }), "a group named 'analysts' exists already");
        await BadAsync(admin.PostAsJsonAsync("/api/groups", new { name = "x", dataSources = new Dictionary<string, string> { ["mainframe"] = "full" } }),
            "data source 'mainframe' is unknown: use warehouse, lake, appdb");
        await BadAsync(admin.PutAsJsonAsync($"/api/groups/{id}", new { name = "analysts", dataSources = new Dictionary<string, string> { ["lake"] = "admin" } }),
            "access 'admin' to lake is not full or view");
        await BadAsync(admin.PutAsJsonAsync($"/api/groups/{id}", new { name = "analysts", members = new[] { "nobody" } }), "member 'nobody' is not a user");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/groups/999999", new { name = "ghost" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grace.GetAsync("/api/groups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grace.GetAsync("/api/users")).StatusCode);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray(), u => u.GetProperty("name").GetString() == "grace");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/groups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/groups/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_query_based_enum_shows_no_values_from_a_source_the_caller_cannot_reach()
    {
        var users = new UserStore(console.StateDatabase);
        await users.CreateAsync("vic", Roles.Analyst, ConsoleFixture.Password);
        await users.CreateAsync("enumadmin", Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("enumadmin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/groups", new
        {
            name = "warehouse viewers", members = new[] { "vic" }, dataSources = new Dictionary<string, string> { ["warehouse"] = "view" },
        })).StatusCode);
        var lakeValues = (await (await admin.PostAsJsonAsync("/api/queries", new { name = "lake countries", sql = "select 'JP' as country", source = "lake" }))
            .Content.ReadFromJsonAsync<JsonElement>()).Id();
        var byCountry = (await admin.SaveAsync("by country", "select {{ country }} as country",
            [new { name = "country", type = "query", queryId = lakeValues, value = "JP" }])).Id();

        using var vic = await console.SignedInAsync("vic");
        Assert.Equal(HttpStatusCode.OK, (await vic.GetAsync($"/api/queries/{byCountry}")).StatusCode);
        await RefusedAsync(vic.GetAsync($"/api/queries/{byCountry}/results.json?p_country=XX"),
            $"parameter 'country' takes its values from query {lakeValues} on the lake data source: vic has no access to the lake data source");
        await RefusedAsync(vic.PostAsync($"/api/queries/{byCountry}/refresh?p_country=XX", null), "vic has no access to the lake data source");
        await RefusedAsync(vic.GetAsync($"/api/queries/{lakeValues}/options"), "vic has no access to the lake data source");
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string message)
    {
        var response = await call;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    private static async Task BadAsync(Task<HttpResponseMessage> call, string message)
    {
        var response = await call;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }
}
