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

    [Fact]
    public async Task A_triggered_alert_is_posted_to_slack_once_while_it_stays_triggered()
    {
        using var alice = await console.SignedInAsync("alice");
        var name = $"signups spike {Guid.NewGuid():N}";
        var id = (await alice.SaveAsync("seven", "select 7 as n")).Id();
        var made = await alice.PostAsJsonAsync("/api/alerts", new { queryId = id, name, column = "n", op = ">", value = "5", notify = "once" });
        var alertId = (await made.Content.ReadFromJsonAsync<JsonElement>()).Id();
        Assert.Equal("triggered", (await SettledAsync(alice, alertId)).GetProperty("state").GetString());

        // Evaluated again and still triggered: "once" does not post a second time.
        await alice.EndedJobAsync((await alice.RefreshAsync(id)).GetProperty("id").GetInt64());
        var events = await EventsAsync(alice, alertId, count: 2);
        Assert.Equal([false, true], events.Select(e => e.GetProperty("notified").GetBoolean()));
        Assert.StartsWith("posted to local Slack capture", events[1].GetProperty("delivery").GetString());

        var posted = (await CaptureHistoryAsync()).Where(m => m.GetProperty("text").GetString()!.Contains(name)).ToList();
        var message = Assert.Single(posted);
        Assert.Equal($"TRIGGERED: {name} — n is 7, above 5", message.GetProperty("text").GetString());
        var queryField = message.GetProperty("blocks")[2].GetProperty("fields")[0].GetProperty("text").GetString();
        Assert.EndsWith($"/queries/{id}|seven>", queryField);
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, int alertId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var events = (await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}")).GetProperty("events").EnumerateArray().ToList();
            if (events.Count >= count) return events;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"alert {alertId} has {events.Count} evaluations, not {count}");
            await Task.Delay(100);
        }
    }

    /// <summary>The local Slack capture's channel, as the console's alerts post into it (make up starts it).</summary>
    private static async Task<List<JsonElement>> CaptureHistoryAsync()
    {
        var slack = Sandbox.Core.Endpoints.EndpointsLoader.Load().SlackUrl
            ?? throw new InvalidOperationException("SANDBOX_SLACK_URL is not in endpoints.env: start the stack with make up");
        using var http = new HttpClient { BaseAddress = slack };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Sandbox.Slack.Delivery.SlackDestination.CaptureToken);
        var answer = await http.GetFromJsonAsync<JsonElement>($"/api/conversations.history?channel={Sandbox.Slack.Delivery.SlackDestination.CaptureChannel}&limit=999");
        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.GetRawText());
        return answer.GetProperty("messages").EnumerateArray().ToList();
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
