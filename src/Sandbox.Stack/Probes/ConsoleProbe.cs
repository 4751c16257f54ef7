using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Stack.Probes;

/// <summary>The Sandbox Console: GET /api/health, which answers only after reading its schema in PostgreSQL.</summary>
public sealed class ConsoleProbe(HttpClient http, Uri consoleUrl) : IServiceProbe
{
    public string Service => "console";
    public Uri? Endpoint => consoleUrl;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(consoleUrl, "/api/health"), cancellationToken);
        if (health.GetProperty("status").GetString() != "ok") throw new InvalidOperationException($"health says {health}");
        return $"console schema v{health.GetProperty("schemaVersion").GetInt32()}; queries as {health.GetProperty("queryRole").GetString()}";
    }
}
