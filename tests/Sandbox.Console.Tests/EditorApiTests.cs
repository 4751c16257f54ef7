using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>GET /api/schema, POST /api/run/explain and POST /api/run/json.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EditorApiTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_schema_lists_what_the_query_role_may_read_with_columns_types_and_row_estimates()
    {
        using var client = await console.SignedInAsync("alice");
        var schema = await client.GetFromJsonAsync<JsonElement>("/api/schema?source=warehouse");
        var tables = schema.GetProperty("tables").EnumerateArray().ToList();
        var events = Assert.Single(tables, t => t.GetProperty("schema").GetString() == "public" && t.GetProperty("name").GetString() == "events");
        var columns = events.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal("timestamp with time zone", columns["event_time"]);
        Assert.Equal("jsonb", columns["properties"]);
        Assert.Equal("table", events.GetProperty("kind").GetString());
        // The console's own schema (accounts, keys) is not the query role's to read, so it is not listed.
        Assert.DoesNotContain(tables, t => t.GetProperty("schema").GetString() == "console");

        var unknown = await client.GetAsync("/api/schema?source=mainframe");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("source 'mainframe' is unknown", (await unknown.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Explain_shows_the_plan_without_running_and_errors_point_into_the_text_as_written()
    {
        using var client = await console.SignedInAsync("alice");
        var plan = await client.PostAsJsonAsync("/api/run/explain", new
        {
            sql = "select count(*) from events where event_name = {{ name }}",
            parameters = new[] { new { name = "name", type = "text", value = "search" } },
        });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var lines = (await plan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()).ToList();
        Assert.Contains(lines, l => l!.Contains("events"));

        var bad = await client.PostAsJsonAsync("/api/run/explain", new { sql = "select 1\nfrom nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = await bad.ErrorAsync();
        Assert.Equal("relation \"nowhere\" does not exist", error.GetProperty("message").GetString());
        Assert.Equal(15, error.GetProperty("position").GetInt32());

        var empty = await client.PostAsJsonAsync("/api/run/explain", new { sql = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task The_json_download_carries_the_full_result_past_the_grid_cap()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run/json", new { sql = $"select g from generate_series(1, {ConsoleFixture.GridRowCap + 5}) g" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"result.json\"", response.Content.Headers.ContentDisposition!.ToString());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ConsoleFixture.GridRowCap + 5, result.GetProperty("rowCount").GetInt32());
        Assert.Equal(ConsoleFixture.GridRowCap + 5, result.GetProperty("rows").GetArrayLength());

        var wrong = await client.PostAsJsonAsync("/api/run/json", new { sql = "select {{ n }}", parameters = new[] { new { name = "n", type = "number" } }, values = new { n = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("parameter 'n' is a number", (await wrong.ErrorAsync()).GetProperty("message").GetString());
    }
}
