using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>The lake data source (DuckDB over the stack's S3 archive): runs, saved queries, schema, and what it refuses.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LakeSourceTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_run_on_the_lake_reads_the_archive_views_with_bound_parameters()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run", new
        {
            sql = "select count(*) as events, {{ n }} + 1 as next from events",
            parameters = new[] { new { name = "n", type = "number", value = "41" } },
            source = "lake",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = await response.LinesAsync();
        Assert.Equal(["events", "next"], lines[0].GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var row = Assert.Single(lines.Rows());
        Assert.Equal("42", row[1].ToString());
    }

    [Theory]
    [InlineData("copy (select 1) to '/tmp/sandbox-console-lake.csv'", "the lake only reads: 'copy' is not allowed")]
    [InlineData("select 1; select 2", "the lake runs one statement at a time")]
    [InlineData("set enable_external_access = true", "the lake only reads: 'set' is not allowed")]
    [InlineData("select * from read_csv('/etc/passwd')", "disabled")]
    public async Task The_lake_refuses_writes_second_statements_and_files_beyond_its_cache(string sql, string message)
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run", new { sql, source = "lake" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ErrorAsync()).GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists("/tmp/sandbox-console-lake.csv"));
    }

    [Fact]
    public async Task A_saved_query_keeps_its_source_and_results_json_runs_there()
    {
        using var client = await console.SignedInAsync("alice");
        var created = await client.PostAsJsonAsync("/api/queries", new { name = "lake count", sql = "select count(*) as n from events_raw", source = "lake" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("lake", saved.GetProperty("source").GetString());
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/queries/{saved.GetProperty("id")}/results.json");
        Assert.Equal(1, result.GetProperty("rowCount").GetInt32());

        var bad = await client.PostAsJsonAsync("/api/queries", new { name = "nowhere", sql = "select 1", source = "mainframe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("source 'mainframe' is unknown: use warehouse, lake, appdb", (await bad.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_lake_schema_lists_its_views_and_columns()
    {
        using var client = await console.SignedInAsync("alice");
        var schema = await client.GetFromJsonAsync<JsonElement>("/api/schema?source=lake");
        var events = Assert.Single(schema.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "events");
        Assert.Contains(events.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "event_time");
    }
}
