using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Console.Bench;

/// <summary>
/// The running stack's console (SANDBOX_CONSOLE_URL) signed in as the seeded admin (its password from
/// .sandbox/console-accounts.env), and the query role's connection string for the baselines.
/// </summary>
public sealed class Stack
{
    public required Uri ConsoleUrl { get; init; }
    public required string AdminPassword { get; init; }
    public required string AnalystConnectionString { get; init; }
    public required string AdminConnectionString { get; init; }
    public required string StateDirectory { get; init; }

    public static Stack Load()
    {
        var envFile = EndpointsLoader.FindEnvFile()
            ?? throw new InvalidOperationException("no .sandbox/endpoints.env found upwards from here: start the stack (make up) first");
        var endpoints = EndpointsLoader.Load();
        var state = Path.GetDirectoryName(envFile)!;
        var accounts = Path.Combine(state, "console-accounts.env");
        if (!File.Exists(accounts)) throw new InvalidOperationException($"{accounts} is missing: the console has not started on this stack yet");
        var password = File.ReadLines(accounts).Select(l => l.Split('=', 2)).FirstOrDefault(p => p[0] == "SANDBOX_CONSOLE_ADMIN_PASSWORD")?[1]
            ?? throw new InvalidOperationException($"{accounts} has no SANDBOX_CONSOLE_ADMIN_PASSWORD");
        return new Stack
        {
            ConsoleUrl = endpoints.ConsoleUrl ?? throw new InvalidOperationException($"{envFile} has no SANDBOX_CONSOLE_URL"),
            AdminPassword = password,
            AnalystConnectionString = endpoints.WarehouseAnalystConnectionString,
            AdminConnectionString = endpoints.WarehouseAdminConnectionString,
            StateDirectory = state,
        };
    }

    public async Task<HttpClient> SignedInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = ConsoleUrl };
        var answer = await client.PostAsJsonAsync("/api/session", new { name = "admin", password = AdminPassword });
        if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"signing in as admin answered {(int)answer.StatusCode}");
        return client;
    }

    /// <summary>A saved query (made once per bench run) whose result is in the cache: refreshed and waited for.</summary>
    public async Task<int> CachedQueryAsync(HttpClient admin, string name, string sql)
    {
        var made = await (await Ok(admin.PostAsJsonAsync("/api/queries", new { name, description = "sandbox-console-bench", sql, parameters = Array.Empty<object>() })))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = made.GetProperty("id").GetInt32();
        var job = await (await Ok(admin.PostAsync($"/api/queries/{id}/refresh", null))).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = job.GetProperty("job").GetProperty("id").ToString();
        for (var waited = 0; waited < 600; waited++)
        {
            var state = (await admin.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("job").GetProperty("status").GetString()!;
            if (state == "done") return id;
            if (state.StartsWith("failed", StringComparison.Ordinal)) throw new InvalidOperationException($"refreshing query {id}: {state}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"query {id} was not refreshed within a minute");
    }

    public async Task<string> ApiKeyAsync(HttpClient admin)
    {
        var key = await (await Ok(admin.PostAsJsonAsync("/api/keys", new { name = "sandbox-console-bench" }))).Content.ReadFromJsonAsync<JsonElement>();
        return key.GetProperty("key").GetString()!;
    }

    public async Task DeleteQueryAsync(HttpClient admin, int id) => await Ok(admin.DeleteAsync($"/api/queries/{id}"));

    public NpgsqlDataSource Analyst() => NpgsqlDataSource.Create(AnalystConnectionString);

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
