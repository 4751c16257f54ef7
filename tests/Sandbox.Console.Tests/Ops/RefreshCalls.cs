using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests.Ops;

/// <summary>Refresh calls and waiting for a job to end.</summary>
public static class RefreshCalls
{
    public static async Task<string> ApiKeyAsync(this HttpClient signedIn)
    {
        var made = await signedIn.PostAsync("/api/keys", null);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public static HttpClient WithKey(this ConsoleFixture console, string key)
    {
        var client = console.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Key", key);
        return client;
    }

    public static async Task<JsonElement> RefreshAsync(this HttpClient client, int queryId, string query = "")
    {
        var response = await client.PostAsync($"/api/queries/{queryId}/refresh{query}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job");
    }

    /// <summary>Polls GET /api/jobs/{id} until the job is done or failed.</summary>
    public static async Task<JsonElement> EndedJobAsync(this HttpClient client, long jobId, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("job");
            if (job.GetProperty("state").GetString() is "done" or "failed") return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"job {jobId} is still {job.GetProperty("status")}");
            await Task.Delay(100);
        }
    }

    public static int Id(this JsonElement saved) => saved.GetProperty("id").GetInt32();
}
