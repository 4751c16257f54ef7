using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Alerts;

/// <summary>Alerts through the API: evaluated at once with the schedule's values, errors say why.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AlertApiTests(ConsoleFixture console)
{
    private static readonly object[] Threshold = [new { name = "n", type = "number" }];

    [Fact]
    public async Task An_alert_on_a_parameterized_query_runs_with_the_schedules_values_and_is_never_left_unknown()
    {
        using var alice = await console.SignedInAsync("alice");
        // No saved value for n: only the schedule's value makes the query runnable.
        var id = (await alice.SaveAsync("signups", "select {{ n }} * 10 as signups", Threshold)).Id();
        var refused = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name = "too many", column = "signups", op = ">", value = "40" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Give the parameter a saved value or the query a schedule with values", (await refused.ErrorAsync()).GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/queries/{id}/schedule", new { dailyAt = "09:00", values = new { n = "5" } })).StatusCode);
        var made = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name = "too many", column = "signups", op = ">", value = "40" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var alertId = (await made.Content.ReadFromJsonAsync<JsonElement>()).Id();

        var alert = await SettledAsync(alice, alertId);
        Assert.Equal("triggered", alert.GetProperty("state").GetString());
        Assert.Equal("signups is 50, above 40", alert.GetProperty("reason").GetString());
        Assert.Equal("50", alert.GetProperty("lastValue").GetString());
    }

    [Fact]
    public async Task An_alert_on_a_query_that_errors_goes_to_the_error_state_and_says_why()
    {
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("divides by zero", "select 1 / 0 as ratio")).Id();
        var made = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name = "ratio", column = "ratio", op = "<", value = "1", notify = "always" });
        var alert = await SettledAsync(alice, (await made.Content.ReadFromJsonAsync<JsonElement>()).Id());
        Assert.Equal("error", alert.GetProperty("state").GetString());
        Assert.Equal("the query failed: division by zero [SQLSTATE 22012]", alert.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_bad_alert_is_refused_and_only_its_owner_changes_it()
    {
        using var alice = await console.SignedInAsync("alice");
        using var bob = await console.SignedInAsync("bob");
        var id = (await alice.SaveAsync("for alerts", "select 1 as one")).Id();
        var secret = (await alice.SaveAsync("private for alerts", "select 1 as one", isPrivate: true)).Id();
        var bad = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name = "x", column = "one", op = ">", value = "1", notify = "every" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("notify 'every' needs notifyEveryMinutes", (await bad.ErrorAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await bob.PostAsJsonAsync("/api/alerts", new { queryId = secret, name = "x", column = "one", op = ">", value = "1" })).StatusCode);

        var made = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name = "one", column = "one", op = "=", value = "1" });
        var alertId = (await made.Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.DeleteAsync($"/api/alerts/{alertId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/alerts/{alertId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/alerts/{alertId}")).StatusCode);
    }

    /// <summary>Waits until the alert has been evaluated (its creation queued a refresh).</summary>
    internal static async Task<JsonElement> SettledAsync(HttpClient client, int alertId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var alert = (await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}")).GetProperty("alert");
            if (alert.GetProperty("state").GetString() != "unknown") return alert;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"alert {alertId} is still unknown");
            await Task.Delay(100);
        }
    }
}
