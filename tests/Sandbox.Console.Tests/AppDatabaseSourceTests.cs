using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>The app database data source (MariaDB as RDS, its read-only role): runs with parameters, schema, writes refused.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AppDatabaseSourceTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_run_on_the_app_database_binds_parameters_as_values()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run", new
        {
            sql = "select count(*) as users, {{ who }} as who, {{ n }} + 1 as next from users where user_id <> {{ who }}",
            parameters = new[] { new { name = "who", type = "text", value = "x'; drop table users; --" }, new { name = "n", type = "number", value = "41" } },
            source = "appdb",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single((await response.LinesAsync()).Rows());
        Assert.Equal("x'; drop table users; --", row[1].GetString());
        Assert.Equal("42", row[2].ToString());
    }

    [Fact]
    public async Task Writes_are_refused_and_sql_errors_carry_the_servers_message()
    {
        using var client = await console.SignedInAsync("alice");
        var write = await client.PostAsJsonAsync("/api/run", new { sql = "delete from users", source = "appdb" });
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.Matches("(?i)read only|denied", (await write.ErrorAsync()).GetProperty("message").GetString());

        var missing = await client.PostAsJsonAsync("/api/run", new { sql = "select * from no_such_table", source = "appdb" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("no_such_table", (await missing.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_app_database_schema_lists_its_tables_and_columns()
    {
        using var client = await console.SignedInAsync("alice");
        var schema = await client.GetFromJsonAsync<JsonElement>("/api/schema?source=appdb");
        var users = Assert.Single(schema.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "users");
        Assert.Contains(users.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "user_id");
    }
}
