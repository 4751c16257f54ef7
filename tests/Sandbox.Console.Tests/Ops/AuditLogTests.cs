using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Console.State;

namespace Sandbox.Console.Tests.Ops;

/// <summary>Every API write lands in the audit log with who made it and its answer; only admins read the log.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditLogTests(ConsoleFixture console)
{
    [Fact]
    public async Task Writes_are_logged_with_their_user_and_status_and_only_admins_read_the_log()
    {
        await new UserStore(console.StateDatabase).CreateAsync("auditor", Roles.Admin, ConsoleFixture.Password);
        using var alice = await console.SignedInAsync("alice");
        var id = (await alice.SaveAsync("audited", "select 1")).Id();
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.PutAsJsonAsync($"/api/queries/{id}", new { name = "", sql = "select 1" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsJsonAsync("/api/run", new { sql = "select 1" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/audit")).StatusCode);
        using var admin = await console.SignedInAsync("auditor");
        var log = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?limit=1000")).EnumerateArray()
            .Where(e => e.GetProperty("user").GetString() == "alice")
            .Select(e => (e.GetProperty("method").GetString(), e.GetProperty("path").GetString(), e.GetProperty("status").GetInt32()))
            .ToList();
        Assert.Contains(("POST", "/api/queries", 201), log);
        Assert.Contains(("PUT", $"/api/queries/{id}", 400), log);
        Assert.DoesNotContain(log, e => e.Item2 == "/api/run"); // a run only reads
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?limit=lots")).StatusCode);
    }
}
