using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Stack.Probes;

/// <summary>The local Slack capture: a real Web API call, conversations.list with the capture's token.</summary>
public sealed class SlackProbe(HttpClient http, Uri slackUrl) : IServiceProbe
{
    /// <summary>The capture accepts any xox token; this one names who asks.</summary>
    private const string Token = "xoxb-sandbox-status-probe";

    public string Service => "slack";
    public Uri? Endpoint => slackUrl;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(slackUrl, "/api/conversations.list"))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) },
        };
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!answer.GetProperty("ok").GetBoolean()) throw new InvalidOperationException($"conversations.list says {answer}");
        var channels = answer.GetProperty("channels").EnumerateArray().Select(c => "#" + c.GetProperty("name").GetString()).ToList();
        return channels.Count == 0 ? "Slack capture, no messages yet" : $"Slack capture: {string.Join(", ", channels)}";
    }
}
