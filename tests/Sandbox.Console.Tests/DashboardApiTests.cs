using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>Visualizations saved with a query, dashboards, widgets, parameter mapping and a deleted widget query.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardApiTests(ConsoleFixture console)
{
    private static readonly object[] Upto = [new { name = "upto", type = "number", value = "3" }];

    [Fact]
    public async Task A_visualization_is_saved_with_its_query_and_read_back()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("viz", "select 'a' as k, 1 as v")).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/queries/{id}/visualization")).StatusCode);

        var put = await alice.PutAsJsonAsync($"/api/queries/{id}/visualization", new { type = "bar", x = "k", y = new[] { "v" }, stacked = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/visualization");
        Assert.Equal("bar", read.GetProperty("type").GetString());
        Assert.True(read.GetProperty("stacked").GetBoolean());
        Assert.Equal(["v"], read.GetProperty("y").EnumerateArray().Select(e => e.GetString()));

        using var bob = await console.SignedInAsync("bob");
        var foreign = await bob.PutAsJsonAsync($"/api/queries/{id}/visualization", new { type = "table" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"sparkline\"}", "visualization type 'sparkline' is unknown")]
    [InlineData("{\"type\":\"line\",\"y\":[\"v\"]}", "a line visualization needs x")]
    [InlineData("{\"type\":\"counter\"}", "a counter visualization needs y")]
    [InlineData("{\"type\":\"cohort\",\"x\":\"c\",\"y\":[\"n\"]}", "a cohort visualization needs series")]
    [InlineData("[1,2]", "the request body is not the JSON expected")]
    public async Task A_bad_visualization_is_refused_with_what_is_wrong(string body, string message)
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("bad viz", "select 1 as v")).GetProperty("id").GetInt32();
        var response = await alice.PutAsync($"/api/queries/{id}/visualization", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_widget_runs_its_query_with_the_dashboards_parameter_value()
    {
        using var alice = await console.SignedInAsync("alice");
        var query = await alice.SaveAsync("series", "select g from generate_series(1, {{ upto }}) g", Upto);
        var dashboard = await CreateDashboardAsync(alice, "numbers", new { name = "n", type = "number", value = "2" });
        var widget = await AddWidgetAsync(alice, dashboard, query.GetProperty("id").GetInt32(), new { upto = "n" });

        var url = $"/api/dashboards/{dashboard}/widgets/{widget}/results";
        Assert.Equal(2, (await alice.GetFromJsonAsync<JsonElement>(url)).GetProperty("rowCount").GetInt32());
        var five = await alice.GetFromJsonAsync<JsonElement>(url + "?p_n=5");
        Assert.Equal(5, five.GetProperty("rowCount").GetInt32());
        Assert.False(five.GetProperty("truncated").GetBoolean());

        var wrongType = await alice.GetAsync(url + "?p_n=five");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("parameter 'upto' is a number: 'five' is not one", (await wrongType.ErrorAsync()).GetProperty("message").GetString());

        var shown = await alice.GetFromJsonAsync<JsonElement>($"/api/dashboards/{dashboard}");
        Assert.Equal("series", shown.GetProperty("widgets")[0].GetProperty("queryName").GetString());
        Assert.Equal($"/dashboards/{dashboard}", shown.GetProperty("permalink").GetString());
    }

    [Fact]
    public async Task A_dashboard_whose_query_was_deleted_says_so()
    {
        using var alice = await console.SignedInAsync("alice");
        var query = (await alice.SaveAsync("soon gone", "select 1 as one")).GetProperty("id").GetInt32();
        var dashboard = await CreateDashboardAsync(alice, "orphans");
        var widget = await AddWidgetAsync(alice, dashboard, query, null);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/queries/{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/queries/{query}")).StatusCode);

        var shown = await alice.GetFromJsonAsync<JsonElement>($"/api/dashboards/{dashboard}");
        Assert.True(shown.GetProperty("widgets")[0].GetProperty("queryDeleted").GetBoolean());
        var result = await alice.GetAsync($"/api/dashboards/{dashboard}/widgets/{widget}/results");
        Assert.Equal(HttpStatusCode.Gone, result.StatusCode);
        Assert.Equal("the query of this widget, 'soon gone', was deleted: remove the widget or add another query",
            (await result.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bad_dashboards_and_widgets_are_refused_with_what_is_wrong()
    {
        using var alice = await console.SignedInAsync("alice");
        await Refused(alice.PostAsJsonAsync("/api/dashboards", new { name = " " }), HttpStatusCode.BadRequest, "name is empty");
        await Refused(alice.PostAsJsonAsync("/api/dashboards", new { name = "fast", refreshSeconds = 1 }), HttpStatusCode.BadRequest,
            "refreshSeconds is 1: auto-refresh takes 10 to 86400 seconds");
        await Refused(alice.PostAsJsonAsync("/api/dashboards", new { name = "p", parameters = new[] { new { name = "d", type = "colour" } } }),
            HttpStatusCode.BadRequest, "parameter 'd' has type 'colour'");

        var query = (await alice.SaveAsync("typed", "select {{ upto }} as v", Upto)).GetProperty("id").GetInt32();
        var dashboard = await CreateDashboardAsync(alice, "typed", new { name = "day", type = "date", value = "2026-11-01" });
        await Refused(alice.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = query, parameterMap = new { upto = "day" } }),
            HttpStatusCode.BadRequest, "dashboard parameter 'day' is date but query parameter 'upto' is number");
        await Refused(alice.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = query, parameterMap = new { nope = "day" } }),
            HttpStatusCode.BadRequest, $"query {query} has no parameter 'nope'");
        await Refused(alice.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = query, width = 3 }),
            HttpStatusCode.BadRequest, "width is 3");
        await Refused(alice.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = 999_999 }),
            HttpStatusCode.NotFound, "there is no query 999999");
        await Refused(alice.GetAsync("/api/dashboards/999999"), HttpStatusCode.NotFound, "there is no dashboard 999999");

        using var bob = await console.SignedInAsync("bob");
        await Refused(bob.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = query }),
            HttpStatusCode.Forbidden, "only its owner or an admin can change it");
        await Refused(bob.DeleteAsync($"/api/queries/{query}"), HttpStatusCode.Forbidden, "only its owner or an admin can delete it");
        Assert.Equal(HttpStatusCode.Unauthorized, (await console.Anonymous().GetAsync("/api/dashboards")).StatusCode);
    }

    [Fact]
    public async Task A_private_query_on_a_shared_dashboard_stays_private()
    {
        using var alice = await console.SignedInAsync("alice");
        var query = (await alice.SaveAsync("secret", "select 42 as answer", isPrivate: true)).GetProperty("id").GetInt32();
        var dashboard = await CreateDashboardAsync(alice, "mixed");
        var widget = await AddWidgetAsync(alice, dashboard, query, null);
        using var bob = await console.SignedInAsync("bob");
        var result = await bob.GetAsync($"/api/dashboards/{dashboard}/widgets/{widget}/results");
        Assert.Equal(HttpStatusCode.Forbidden, result.StatusCode);
    }

    [Fact]
    public async Task A_widget_serves_its_cached_result_while_fresh_with_its_age_and_runs_again_when_asked()
    {
        using var alice = await console.SignedInAsync("alice");
        var query = (await alice.SaveAsync("clock", "select clock_timestamp()::text as at")).GetProperty("id").GetInt32();
        var dashboard = await CreateDashboardAsync(alice, "clock board");
        var url = $"/api/dashboards/{dashboard}/widgets/{await AddWidgetAsync(alice, dashboard, query, null)}/results";

        var first = await alice.GetFromJsonAsync<JsonElement>(url);
        using var again = await alice.GetAsync(url);
        var cached = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(At(first), At(cached)); // the same run, from the cache
        Assert.True(cached.GetProperty("cached").GetBoolean());
        Assert.InRange(cached.GetProperty("ageSeconds").GetInt64(), 0, 60);
        Assert.NotNull(again.Headers.Age);
        // The widget's run filled the query's cache: results.json serves it too.
        Assert.Equal(At(first), At(await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{query}/results.json")));

        var now = await alice.GetFromJsonAsync<JsonElement>(url + "?max_age=0"); // "Refresh now"
        Assert.NotEqual(At(first), At(now));
        Assert.Equal(At(now), At(await alice.GetFromJsonAsync<JsonElement>(url)));
    }

    private static string At(JsonElement result) => result.GetProperty("rows")[0][0].GetString()!;

    internal static async Task<int> CreateDashboardAsync(HttpClient client, string name, params object[] parameters)
    {
        var response = await client.PostAsJsonAsync("/api/dashboards", new { name, parameters });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int> AddWidgetAsync(HttpClient client, int dashboard, int query, object? parameterMap)
    {
        var response = await client.PostAsJsonAsync($"/api/dashboards/{dashboard}/widgets", new { queryId = query, parameterMap });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task Refused(Task<HttpResponseMessage> call, HttpStatusCode status, string message)
    {
        var response = await call;
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }
}
