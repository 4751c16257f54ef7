using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Sandbox.Console.Tests;

/// <summary>POST /api/run, /api/run/csv and /api/runs/{id}/cancel against the stack's warehouse.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RunApiTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_run_streams_columns_rows_and_a_summary()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.RunAsync(
            "select g as n, 'x,' || g as label, null::text as nothing, date '2026-01-02' + g as day from generate_series(1, 3) g");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = await response.LinesAsync();
        Assert.Equal(["n", "label", "nothing", "day"], lines[0].GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var rows = lines.Rows();
        Assert.Equal(3, rows.Count);
        Assert.Equal("[1,\"x,1\",null,\"2026-01-03\"]", rows[0].GetRawText());
        var done = lines[^1].GetProperty("done");
        Assert.Equal(3, done.GetProperty("rows").GetInt64());
        Assert.False(done.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task The_grid_gets_at_most_the_cap_and_the_rest_is_cancelled_on_the_server()
    {
        using var client = await console.SignedInAsync("alice");
        var lines = await (await client.RunAsync("select g from generate_series(1, 50000) g")).LinesAsync();
        Assert.Equal(ConsoleFixture.GridRowCap, lines.Rows().Count);
        Assert.True(lines[^1].GetProperty("done").GetProperty("truncated").GetBoolean());

        var fewer = await (await client.RunAsync("select g from generate_series(1, 50) g", maxRows: 10)).LinesAsync();
        Assert.Equal(10, fewer.Rows().Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ConsoleFixture.GridRowCap + 1)]
    public async Task A_max_rows_outside_the_grid_cap_is_refused(int maxRows)
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.RunAsync("select 1", maxRows: maxRows);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"maxRows is {maxRows}", (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_sql_error_carries_the_database_message_and_its_position_in_the_text_as_written()
    {
        using var client = await console.SignedInAsync("alice");
        const string sql = "select {{ n }} + 1 from no_such_table";
        var response = await client.RunAsync(sql, new[] { new { name = "n", type = "number" } }, new { n = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal("relation \"no_such_table\" does not exist", error.GetProperty("message").GetString());
        Assert.Equal("42P01", error.GetProperty("sqlState").GetString());
        Assert.Equal(sql.IndexOf("no_such_table", StringComparison.Ordinal) + 1, error.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_parameter_of_the_wrong_type_is_refused_before_the_sql_reaches_the_database()
    {
        using var client = await console.SignedInAsync("alice");
        // The SQL is broken too: the answer is about the parameter, so nothing was sent.
        var response = await client.RunAsync("selec {{ day }}", new[] { new { name = "day", type = "date" } }, new { day = "2026-02-30" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("parameter 'day' is a date: '2026-02-30' is not a date of the form YYYY-MM-DD",
            (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("select {{ x }}", "[]", "parameter 'x' is used in the SQL but not declared")]
    [InlineData("select {{ x }}", "[{\"name\":\"x\",\"type\":\"money\"}]", "parameter 'x' has type 'money'")]
    [InlineData("select {{ x }}", "[{\"name\":\"x\",\"type\":\"number\"}]", "parameter 'x' (number) has no value")]
    [InlineData("  ", "[]", "sql is empty")]
    public async Task Bad_parameters_and_empty_sql_are_refused_with_what_is_wrong(string sql, string parameters, string expected)
    {
        using var client = await console.SignedInAsync("alice");
        var body = $"{{\"sql\":{System.Text.Json.JsonSerializer.Serialize(sql)},\"parameters\":{parameters}}}";
        var response = await client.PostAsync("/api/run", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(expected, (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsync("/api/run", new StringContent("{sql:", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the request body is not the JSON expected", (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("create table console_should_not_exist (a int)", "25006")]
    [InlineData("select 1; commit; create table console_should_not_exist (a int)", "42601")]
    public async Task Runs_are_read_only_and_one_statement(string sql, string sqlState)
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.RunAsync(sql);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(sqlState, (await response.ErrorAsync()).GetProperty("sqlState").GetString());
        await using var admin = new NpgsqlConnection(console.AdminConnectionString);
        await admin.OpenAsync();
        await using var check = new NpgsqlCommand("select to_regclass('console_should_not_exist') is null", admin);
        Assert.True((bool)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_statement_past_the_timeout_is_cancelled_on_the_server()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.RunAsync("select pg_sleep(30)");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal("57014", error.GetProperty("sqlState").GetString());
        Assert.Contains("statement timeout", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Cancel_stops_the_statement_on_the_server()
    {
        using var client = await console.SignedInAsync("bob");
        var runId = Guid.NewGuid().ToString("N");
        const string sql = "select pg_sleep(1.5) /* cancel-test */";
        var run = client.RunAsync(sql, runId: runId);
        HttpResponseMessage cancel;
        do
        {
            await Task.Delay(50);
            cancel = await client.PostAsync($"/api/runs/{runId}/cancel", null);
        } while (cancel.StatusCode == HttpStatusCode.NotFound && !run.IsCompleted);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var response = await run;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("cancelled", (await response.ErrorAsync()).GetProperty("message").GetString());
        Assert.Equal(0L, await ActiveAsync("%cancel-test%"));
    }

    [Fact]
    public async Task Cancelling_a_run_that_is_not_in_flight_is_not_found()
    {
        using var client = await console.SignedInAsync("alice");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/runs/nothing-here/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task The_csv_download_has_the_full_result_past_the_grid_cap_quoted_as_rfc_4180()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run/csv",
            new { sql = "select g, case when g = 1 then 'a \"b\", c' end as text from generate_series(1, 5000) g" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5001, lines.Length);
        Assert.Equal(["g,text", "1,\"a \"\"b\"\", c\"", "2,"], lines[..3]);
    }

    [Fact]
    public async Task Runs_need_a_session()
    {
        using var client = console.Anonymous();
        var response = await client.RunAsync("select 1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<long> ActiveAsync(string like)
    {
        await using var admin = new NpgsqlConnection(console.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where state = 'active' and query like $1 and pid <> pg_backend_pid()", admin);
        command.Parameters.Add(new() { Value = like });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
