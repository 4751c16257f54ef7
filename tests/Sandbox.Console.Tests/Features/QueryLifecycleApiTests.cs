using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Features;

/// <summary>Tags, versions, forks and the archive of saved queries, and the run history per query and per user.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class QueryLifecycleApiTests(ConsoleFixture console)
{
    [Fact]
    public async Task Each_save_keeps_a_version_and_tags_filter_the_list()
    {
        using var alice = await console.SignedInAsync("alice");
        var created = await alice.PostAsJsonAsync("/api/queries", new { name = "versioned", sql = "select 1 as first", tags = new[] { "kpi", " weekly ", "kpi" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
        var changed = await alice.PutAsJsonAsync($"/api/queries/{id}", new { name = "versioned, v2", sql = "select 2 as second", tags = new[] { "kpi" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var saved = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        Assert.Equal(["kpi"], saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var versions = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("alice", v.GetProperty("savedBy").GetString()));
        var first = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/versions/1");
        Assert.Equal("select 1 as first", first.GetProperty("sql").GetString());
        Assert.Equal(["kpi", "weekly"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/queries/{id}/versions/9")).StatusCode);

        Assert.Contains(await ListAsync(alice, "?tag=kpi"), q => q.Id() == id);
        Assert.DoesNotContain(await ListAsync(alice, "?tag=weekly"), q => q.Id() == id);

        var badTag = await alice.PostAsJsonAsync("/api/queries", new { name = "bad tag", sql = "select 1", tags = new[] { "ok", "no;way" } });
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        Assert.Contains("tag 'no;way' must be", (await badTag.ErrorAsync()).GetProperty("message").GetString());
        var tooMany = await alice.PostAsJsonAsync("/api/queries", new { name = "many tags", sql = "select 1", tags = Enumerable.Range(1, 11).Select(i => $"t{i}") });
        Assert.Contains("at most 10", (await tooMany.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_old_version_is_restored_in_one_call_as_the_next_version_and_audited()
    {
        using var alice = await console.SignedInAsync("alice");
        var created = await alice.PostAsJsonAsync("/api/queries", new { name = "restorable", sql = "select 1 as first", tags = new[] { "old" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/queries/{id}", new { name = "restorable, v2", sql = "select 2 as second" })).StatusCode);

        var restored = await alice.PostAsync($"/api/queries/{id}/versions/1/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var now = await restored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, "select 1 as first", "restorable"), (now.GetProperty("version").GetInt32(), now.GetProperty("sql").GetString(), now.GetProperty("name").GetString()));
        Assert.Equal(["old"], now.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([3, 2, 1], (await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/versions")).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("select 2 as second", (await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/versions/2")).GetProperty("sql").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await alice.PostAsync($"/api/queries/{id}/versions/9/restore", null)).StatusCode);
        using var bob = await console.SignedInAsync("bob");
        var refused = await bob.PostAsync($"/api/queries/{id}/versions/2/restore", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only its owner or an admin can restore a version of it", (await refused.ErrorAsync()).GetProperty("message").GetString());

        await new Sandbox.Console.State.UserStore(console.StateDatabase).CreateAsync("restoreauditor", Sandbox.Console.State.Roles.Admin, ConsoleFixture.Password);
        using var admin = await console.SignedInAsync("restoreauditor");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        List<(string?, string?, int)> audited;
        do audited = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?limit=1000")).EnumerateArray()
            .Select(e => (e.GetProperty("user").GetString(), e.GetProperty("path").GetString(), e.GetProperty("status").GetInt32())).ToList();
        while (!audited.Contains(("bob", $"/api/queries/{id}/versions/2/restore", 403)) && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains(("alice", $"/api/queries/{id}/versions/1/restore", 200), audited);
        Assert.Contains(("bob", $"/api/queries/{id}/versions/2/restore", 403), audited);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    [Fact]
    public async Task A_fork_is_a_copy_owned_by_the_forker_and_an_archived_query_leaves_the_lists_but_keeps_its_permalink()
    {
        using var alice = await console.SignedInAsync("alice");
        using var bob = await console.SignedInAsync("bob");
        var id = (await alice.SaveAsync("to fork", "select 7 as seven")).Id();

        var forked = await bob.PostAsync($"/api/queries/{id}/fork", null);
        Assert.Equal(HttpStatusCode.Created, forked.StatusCode);
        var fork = await forked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bob", fork.GetProperty("owner").GetString());
        Assert.Equal(id, fork.GetProperty("forkedFrom").GetInt32());
        Assert.Equal($"Copy of (#{id}) to fork", fork.GetProperty("name").GetString());
        Assert.Equal("select 7 as seven", fork.GetProperty("sql").GetString());
        Assert.Equal(HttpStatusCode.OK, (await bob.PutAsJsonAsync($"/api/queries/{fork.Id()}", new { name = "mine now", sql = "select 8" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PutAsJsonAsync($"/api/queries/{id}", new { name = "not mine", sql = "select 8" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync("/api/queries/999999/fork", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostAsync($"/api/queries/{id}/archive", null)).StatusCode);
        var archived = await alice.PostAsync($"/api/queries/{id}/archive", null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archivedAt").ValueKind);
        Assert.DoesNotContain(await ListAsync(alice, ""), q => q.Id() == id);
        Assert.Contains(await ListAsync(alice, "?archived=true"), q => q.Id() == id);
        Assert.DoesNotContain(await ListAsync(alice, "?archived=true"), q => q.Id() == fork.Id());
        var permalink = await bob.GetFromJsonAsync<JsonElement>($"/api/queries/{id}");
        Assert.NotEqual(JsonValueKind.Null, permalink.GetProperty("archivedAt").ValueKind);
        Assert.Equal(1, (await bob.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/results.json?max_age=0")).GetProperty("rowCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.GetAsync("/api/queries?archived=maybe")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await alice.DeleteAsync($"/api/queries/{id}/archive")).StatusCode);
        Assert.Contains(await ListAsync(alice, ""), q => q.Id() == id);
    }

    [Fact]
    public async Task Runs_are_kept_per_query_and_per_user_with_duration_rows_and_errors()
    {
        await new Sandbox.Console.State.UserStore(console.StateDatabase).CreateAsync("historian", "analyst", ConsoleFixture.Password);
        using var client = await console.SignedInAsync("historian");
        var id = (await client.SaveAsync("with history", "select g from generate_series(1, 3) g")).Id();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/run", new { sql = "select g from generate_series(1, 3) g", queryId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/queries/{id}/results.csv?max_age=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/run", new { sql = "select 1/0", queryId = id })).StatusCode);

        var runs = (await client.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/runs")).EnumerateArray().ToList();
        Assert.Equal(["failed", "done", "done"], runs.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["editor", "api", "editor"], runs.Select(r => r.GetProperty("kind").GetString()));
        Assert.All(runs, r => Assert.Equal("historian", r.GetProperty("user").GetString()));
        Assert.Equal(3, runs[1].GetProperty("rows").GetInt64());
        Assert.Contains("division by zero", runs[0].GetProperty("error").GetString());
        Assert.True(runs[2].GetProperty("durationMs").GetInt64() >= 0);

        var mine = (await client.GetFromJsonAsync<JsonElement>("/api/history?limit=2")).EnumerateArray().ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, r => Assert.Equal("historian", r.GetProperty("user").GetString()));
        var refused = await client.GetAsync("/api/history?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("limit '0' is not a whole number from 1 to 1000", (await refused.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_query_and_pipeline_roles_hold_no_grant_on_the_versions_and_the_run_history()
    {
        await using var command = console.StateDatabase.CreateCommand(
            """
            select r.rolname, t.name, has_table_privilege(r.oid, t.name, 'select, insert, update, delete')
            from pg_roles r cross join (values ('console.query_versions'), ('console.run_history')) t(name)
            where r.rolname in ('analyst', 'sandbox_delivery')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var grants = new List<(string Role, string Table, bool Granted)>();
        while (await reader.ReadAsync()) grants.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.False(g.Granted, $"{g.Role} may use {g.Table}"));
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/queries{query}")).EnumerateArray().ToList();
}
