using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Console.State;

namespace Sandbox.Console.Tests.Ops;

/// <summary>
/// results.json keeps the key, the query, the caller's access and the newest result id in memory:
/// each change is seen by the very next request, and another console's change (a notification) soon after.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class StateMemoryApiTests(ConsoleFixture console)
{
    private async Task<HttpClient> MemoryOnAsync(string user)
    {
        var changes = console.Services.GetRequiredService<StateChanges>();
        for (var i = 0; i < 100 && !changes.Listening; i++) await Task.Delay(50);
        Assert.True(changes.Listening, "the console listens for state changes");
        await new UserStore(console.StateDatabase).CreateAsync(user, Roles.Analyst, ConsoleFixture.Password);
        return await console.SignedInAsync(user);
    }

    [Fact]
    public async Task An_edit_a_new_result_an_archive_and_a_revoked_key_are_seen_by_the_next_request()
    {
        using var owner = await MemoryOnAsync("mia");
        var (keyId, key) = await KeyAsync(owner);
        using var script = console.WithKey(key);
        var id = (await owner.SaveAsync("kept in memory", "select 1 as n")).Id();
        await owner.EndedJobAsync((await script.RefreshAsync(id)).GetProperty("id").GetInt64());
        var first = await ResultAsync(script, id);
        Assert.Equal(first.GetProperty("retrievedAt").GetString(), (await ResultAsync(script, id)).GetProperty("retrievedAt").GetString());

        await owner.EndedJobAsync((await script.RefreshAsync(id)).GetProperty("id").GetInt64());
        Assert.NotEqual(first.GetProperty("retrievedAt").GetString(), (await ResultAsync(script, id)).GetProperty("retrievedAt").GetString());

        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/queries/{id}", new { name = "kept in memory", sql = "select 2 as n" })).StatusCode);
        var edited = await ResultAsync(script, id);
        Assert.False(edited.TryGetProperty("cached", out _), "the old SQL's cached result is not served");
        Assert.Equal(2, edited.GetProperty("rows")[0][0].GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/queries/{id}/archive", null)).StatusCode);
        Assert.Equal(JsonValueKind.String, (await script.GetFromJsonAsync<JsonElement>($"/api/queries/{id}")).GetProperty("archivedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode);
    }

    [Fact]
    public async Task Changed_group_access_and_another_consoles_revocation_are_seen()
    {
        using var viewer = await MemoryOnAsync("noah");
        var (_, key) = await KeyAsync(viewer);
        using var script = console.WithKey(key);
        await new UserStore(console.StateDatabase).CreateAsync("memoadmin", Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("memoadmin");
        var id = (await admin.SaveAsync("shared in memory", "select 3 as n")).Id();
        var group = (await (await admin.PostAsJsonAsync("/api/groups", new
        {
            name = "memory readers", members = new[] { "noah" }, dataSources = new Dictionary<string, string> { ["warehouse"] = "view" },
        })).Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/groups/{group}", new
        {
            name = "memory readers", members = new[] { "noah" }, dataSources = new Dictionary<string, string> { ["lake"] = "view" },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/groups/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode);

        // Another console (here: SQL straight on the state) revokes the key: its notification reaches this one.
        await using (var revoke = console.StateDatabase.CreateCommand(
            "update console.api_keys set revoked_at = now() where user_id = (select id from console.users where name = 'noah')"))
            await revoke.ExecuteNonQueryAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpStatusCode status;
        while ((status = (await script.GetAsync($"/api/queries/{id}/results.json")).StatusCode) != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static async Task<(int Id, string Key)> KeyAsync(HttpClient signedIn)
    {
        var made = await (await signedIn.PostAsync("/api/keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (made.GetProperty("id").GetInt32(), made.GetProperty("key").GetString()!);
    }

    private static async Task<JsonElement> ResultAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/queries/{id}/results.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
