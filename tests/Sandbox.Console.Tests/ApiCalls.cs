using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>The calls the tests make again and again, and the answers' shapes.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> RunAsync(this HttpClient client, string sql, object? parameters = null, object? values = null,
        string? runId = null, int? maxRows = null) =>
        client.PostAsJsonAsync("/api/run", new { sql, parameters, values, runId, maxRows });

    /// <summary>The NDJSON lines of a run: columns, row batches, done or error.</summary>
    public static async Task<List<JsonElement>> LinesAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();

    public static List<JsonElement> Rows(this List<JsonElement> lines) =>
        lines.Where(l => l.TryGetProperty("rows", out _)).SelectMany(l => l.GetProperty("rows").EnumerateArray()).ToList();

    public static async Task<JsonElement> ErrorAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");

    public static async Task<JsonElement> SaveAsync(this HttpClient client, string name, string sql, object[]? parameters = null, bool isPrivate = false)
    {
        var response = await client.PostAsJsonAsync("/api/queries", new { name, description = "from a test", sql, parameters, isPrivate });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
