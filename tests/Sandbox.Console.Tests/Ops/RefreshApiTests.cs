using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Sandbox.Console.Tests.Ops;

/// <summary>The refresh call, the cached results it leaves (with their age), schedules and runs whose worker is gone.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RefreshApiTests(ConsoleFixture console)
{
    private static readonly object[] Upto = [new { name = "upto", type = "number", value = "3" }];

    [Fact]
    public async Task A_refresh_by_api_key_caches_the_result_and_results_json_says_its_age()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("squares to cache", "select g as n, g * g as square from generate_series(1, {{ upto }}) g", Upto)).Id();
        using var script = console.WithKey(await alice.ApiKeyAsync());

        var queued = await script.RefreshAsync(id, "?p_upto=4");
        Assert.Equal("api", queued.GetProperty("trigger").GetString());
        var job = await script.EndedJobAsync(queued.GetProperty("id").GetInt64());
        Assert.Equal("done", job.GetProperty("status").GetString());

        var cached = await script.GetAsync($"/api/queries/{id}/results.json?p_upto=4");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);
        var body = await cached.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("cached").GetBoolean());
        Assert.Equal(4, body.GetProperty("rowCount").GetInt64());
        Assert.Equal(16, body.GetProperty("rows")[3][1].GetInt32());
        Assert.InRange(body.GetProperty("ageSeconds").GetInt64(), 0, 30);
        Assert.True(DateTimeOffset.UtcNow - body.GetProperty("retrievedAt").GetDateTimeOffset() < TimeSpan.FromSeconds(30));
        var csv = await script.GetAsync($"/api/queries/{id}/results.csv?p_upto=4");
        Assert.NotNull(csv.Headers.Age);
        Assert.Equal("n,square\r\n1,1\r\n2,4\r\n3,9\r\n4,16\r\n", await csv.Content.ReadAsStringAsync());

        // Other values were never refreshed, and max_age=0 asks for a run now: both run live.
        Assert.Null((await script.GetAsync($"/api/queries/{id}/results.json?p_upto=2")).Headers.Age);
        var live = await script.GetAsync($"/api/queries/{id}/results.json?p_upto=4&max_age=0");
        Assert.Null(live.Headers.Age);
        Assert.False((await live.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("cached", out _));

        // The editor's view of the same: the result with its age, and the job that made it.
        var view = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/cache?p_upto=4");
        Assert.Equal(4, view.GetProperty("result").GetProperty("rowCount").GetInt64());
        Assert.Equal("done", view.GetProperty("job").GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_edited_query_does_not_serve_the_result_of_its_old_sql()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("edited after refresh", "select 1 as one")).Id();
        await alice.EndedJobAsync((await alice.RefreshAsync(id)).GetProperty("id").GetInt64());
        Assert.NotNull((await alice.GetAsync($"/api/queries/{id}/results.json")).Headers.Age);
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/queries/{id}", new { name = "edited", sql = "select 2 as two" })).StatusCode);
        var fresh = await alice.GetAsync($"/api/queries/{id}/results.json");
        Assert.Null(fresh.Headers.Age);
        Assert.Equal("two", (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("columns")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_refresh_of_a_failing_query_ends_failed_with_the_database_message()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("broken", "select * from no_such_table_here")).Id();
        var job = await alice.EndedJobAsync((await alice.RefreshAsync(id)).GetProperty("id").GetInt64());
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.StartsWith("failed: relation \"no_such_table_here\" does not exist (at character 15) [SQLSTATE 42P01]", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_refresh_is_refused_before_anything_runs()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("typed", "select {{ upto }} as n", Upto)).Id();
        var secret = (await alice.SaveAsync("alice's own", "select 1", isPrivate: true)).Id();

        var wrongType = await alice.PostAsync($"/api/queries/{id}/refresh?p_upto=many", null);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("parameter 'upto' is a number: 'many' is not one (e.g. 42 or -1.5)", (await wrongType.ErrorAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await console.Anonymous().PostAsync($"/api/queries/{id}/refresh", null)).StatusCode);
        using var wrongKey = console.WithKey("sbx_000000000000000000000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsync($"/api/queries/{id}/refresh", null)).StatusCode);
        using var bob = console.WithKey(await (await console.SignedInAsync("bob")).ApiKeyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostAsync($"/api/queries/{secret}/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.PostAsync("/api/queries/999999/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.GetAsync($"/api/queries/{id}/results.json?max_age=soon")).StatusCode);
    }

    [Fact]
    public async Task A_due_schedule_refreshes_with_its_values_and_moves_to_its_next_time()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("scheduled", "select g from generate_series(1, {{ upto }}) g", Upto)).Id();
        var put = await alice.PutAsJsonAsync($"/api/queries/{id}/schedule", new { everyMinutes = 30, values = new { upto = "7" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var schedule = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("schedule");
        Assert.Equal("every 30 minutes", schedule.GetProperty("description").GetString());
        Assert.InRange(schedule.GetProperty("nextRunAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));

        // Make it due now (as if half an hour had passed); the scheduler takes it on its next tick.
        await using (var due = console.StateDatabase.CreateCommand($"update console.schedules set next_run_at = now() - interval '1 second' where query_id = {id}"))
            await due.ExecuteNonQueryAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement view;
        do
        {
            await Task.Delay(200);
            view = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/cache?p_upto=7");
        }
        while (view.GetProperty("result").ValueKind == JsonValueKind.Null && DateTime.UtcNow < deadline);
        Assert.Equal(7, view.GetProperty("result").GetProperty("rowCount").GetInt64());
        Assert.Equal("schedule", view.GetProperty("job").GetProperty("trigger").GetString());
        Assert.True(view.GetProperty("schedule").GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(29));
    }

    [Theory]
    [InlineData("{\"dailyAt\": \"9:00 pm\"}", "dailyAt '9:00 pm' is not a time of the form HH:MM")]
    [InlineData("{\"everyMinutes\": 30, \"values\": {\"upto\": \"lots\"}}", "parameter 'upto' is a number: 'lots' is not one")]
    public async Task A_bad_schedule_is_refused(string body, string message)
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("bad schedule", "select {{ upto }}", Upto)).Id();
        var response = await alice.PutAsync($"/api/queries/{id}/schedule", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, (await response.ErrorAsync()).GetProperty("message").GetString());
        using var bob = await console.SignedInAsync("bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PutAsJsonAsync($"/api/queries/{id}/schedule", new { everyMinutes = 5 })).StatusCode);
    }

    [Fact]
    public async Task A_running_job_whose_worker_stopped_renewing_its_lease_fails_and_says_why()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("orphaned", "select 1")).Id();
        long jobId;
        await using (var orphan = console.StateDatabase.CreateCommand(
            $"""
            insert into console.query_runs (query_id, values_key, trigger, state, worker, started_at, heartbeat_at, lease_until)
            values ({id}, 'k', 'api', 'running', 'gone-host:4242:abcdef', now() - interval '1 minute', now() - interval '1 minute', now() - interval '1 second')
            returning id
            """))
            jobId = (long)(await orphan.ExecuteScalarAsync())!;
        var job = await alice.EndedJobAsync(jobId, TimeSpan.FromSeconds(10));
        Assert.StartsWith("failed: its worker gone-host:4242:abcdef stopped renewing its lease (last heartbeat ", job.GetProperty("status").GetString());
        Assert.EndsWith("the worker died or was killed", job.GetProperty("status").GetString());
    }
}
