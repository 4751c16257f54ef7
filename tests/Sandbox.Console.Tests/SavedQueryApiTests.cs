using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>Saved queries, their permalinks, and GET /api/queries/{id}/results.json|csv for scripts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SavedQueryApiTests(ConsoleFixture console)
{
    private static readonly object[] Since = [new { name = "since", type = "date", value = "2026-01-01" }, new { name = "step", type = "number", value = "2" }];
    private const string SinceSql = "select d::date as day from generate_series({{ since }}::timestamp, {{ since }}::timestamp + interval '4 days', interval '1 day' * {{ step }}) d";

    [Fact]
    public async Task A_saved_query_has_a_permalink_an_owner_and_its_parameters()
    {
        using var alice = await console.SignedInAsync("alice");
        var saved = await alice.SaveAsync("days", SinceSql, Since);
        var id = saved.GetProperty("id").GetInt32();
        Assert.Equal($"/queries/{id}", saved.GetProperty("permalink").GetString());
        var read = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}");
        Assert.Equal("alice", read.GetProperty("owner").GetString());
        Assert.Equal("from a test", read.GetProperty("description").GetString());
        Assert.Equal(SinceSql, read.GetProperty("sql").GetString());
        Assert.Equal(["since", "step"], read.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/queries/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("", "select 1", "name is empty")]
    [InlineData("x", "", "sql is empty")]
    [InlineData("x", "select {{ who }}", "parameter 'who' is used in the SQL but not declared")]
    public async Task A_query_that_cannot_be_saved_says_why(string name, string sql, string message)
    {
        using var alice = await console.SignedInAsync("alice");
        var response = await alice.PostAsJsonAsync("/api/queries", new { name, sql });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Only_the_owner_changes_a_query_and_a_private_one_stays_private()
    {
        using var alice = await console.SignedInAsync("alice");
        using var bob = await console.SignedInAsync("bob");
        var shared = (await alice.SaveAsync("shared", "select 1")).GetProperty("id").GetInt32();
        var secret = (await alice.SaveAsync("secret", "select 2", isPrivate: true)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/api/queries/{shared}")).StatusCode);
        var refused = await bob.GetAsync($"/api/queries/{secret}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal($"query {secret} is private to alice", (await refused.ErrorAsync()).GetProperty("message").GetString());
        var listed = (await bob.GetFromJsonAsync<JsonElement>("/api/queries")).EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(shared, listed);
        Assert.DoesNotContain(secret, listed);

        var change = new { name = "shared, renamed", sql = "select 3", description = "" };
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PutAsJsonAsync($"/api/queries/{shared}", change)).StatusCode);
        var changed = await alice.PutAsJsonAsync($"/api/queries/{shared}", change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("select 3", (await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{shared}")).GetProperty("sql").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync("/api/queries/999999")).StatusCode);
    }

    [Fact]
    public async Task Results_json_and_csv_with_an_api_key_and_parameters_from_the_url()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("days", SinceSql, Since)).GetProperty("id").GetInt32();
        using var script = await KeyClientAsync(alice);

        var json = await script.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/results.json");
        Assert.Equal(["2026-01-01", "2026-01-03", "2026-01-05"], json.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()));
        Assert.Equal(3, json.GetProperty("rowCount").GetInt32());

        var csv = await script.GetStringAsync($"/api/queries/{id}/results.csv?p_since=2026-03-01&p_step=4");
        Assert.Equal("day\r\n2026-03-01\r\n2026-03-05\r\n", csv);

        var wrong = await script.GetAsync($"/api/queries/{id}/results.json?p_step=two");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("parameter 'step' is a number: 'two' is not one (e.g. 42 or -1.5)", (await wrong.ErrorAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync($"/api/queries/{id}/results.xml")).StatusCode);
    }

    [Fact]
    public async Task Results_without_a_valid_key_are_401_and_another_users_private_query_is_403()
    {
        using var alice = await console.SignedInAsync("alice");
        var secret = (await alice.SaveAsync("secret", "select 1", isPrivate: true)).GetProperty("id").GetInt32();

        using var nobody = console.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync($"/api/queries/{secret}/results.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync($"/api/queries/{secret}/results.csv?api_key=sbx_0000")).StatusCode);

        using var bob = await console.SignedInAsync("bob");
        using var bobsScript = await KeyClientAsync(bob);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobsScript.GetAsync($"/api/queries/{secret}/results.json")).StatusCode);
        using var alicesScript = await KeyClientAsync(alice);
        Assert.Equal(HttpStatusCode.OK, (await alicesScript.GetAsync($"/api/queries/{secret}/results.csv")).StatusCode);
    }

    private async Task<HttpClient> KeyClientAsync(HttpClient signedIn)
    {
        var key = (await (await signedIn.PostAsync("/api/keys", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var client = console.Anonymous();
        client.DefaultRequestHeaders.Add("Authorization", $"Key {key}");
        return client;
    }
}
