using System.Net.Http.Headers;
using System.Text.Json;
using Sandbox.Slack.Blocks;

namespace Sandbox.Console.Slack;

/// <summary>One captured message as the channel view shows it.</summary>
public sealed record ChannelMessage(string Ts, string Text, IReadOnlyList<SlackBlock> Blocks, IReadOnlyList<ChannelFile> Files, string? Problem);

public sealed record ChannelFile(string Id, string Title, string? MimeType);

/// <summary>
/// Reads the local Slack capture through its Slack-shaped read API (conversations.list, conversations.history,
/// url_private), with a capture token: the console shows what Slack would have received.
/// </summary>
public sealed class CaptureReader(HttpClient http, Uri captureUrl)
{
    private const string Token = "xoxb-sandbox-console";

    public Uri CaptureUrl => captureUrl;

    public async Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken ct)
    {
        var answer = await CallAsync("conversations.list", "", ct);
        return answer.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>Newest first; an empty list for a channel nothing was posted to.</summary>
    public async Task<IReadOnlyList<ChannelMessage>> HistoryAsync(string channel, int limit, CancellationToken ct)
    {
        var answer = await CallAsync("conversations.history", $"channel={Uri.EscapeDataString(channel)}&limit={limit}", ct, allow: "channel_not_found");
        if (!answer.GetProperty("ok").GetBoolean()) return [];
        return answer.GetProperty("messages").EnumerateArray().Select(Message).ToList();
    }

    /// <summary>A file's bytes from its url_private; null when the capture has no such file.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> FileAsync(string id, CancellationToken ct)
    {
        using var response = await http.SendAsync(Request(new Uri(captureUrl, $"/files/{Uri.EscapeDataString(id)}/file")), ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream");
    }

    private static ChannelMessage Message(JsonElement message)
    {
        var files = message.TryGetProperty("files", out var list)
            ? list.EnumerateArray().Select(f => new ChannelFile(f.GetProperty("id").GetString()!, f.GetProperty("title").GetString()!, f.GetProperty("mimetype").GetString())).ToList()
            : [];
        IReadOnlyList<SlackBlock> blocks = [];
        string? problem = null;
        if (message.TryGetProperty("blocks", out var raw))
        {
            try
            {
                blocks = BlockKitJson.Read(raw);
            }
            catch (FormatException e)
            {
                problem = e.Message; // shown beside the message, which still shows its text
            }
        }
        return new ChannelMessage(message.GetProperty("ts").GetString()!, message.GetProperty("text").GetString() ?? "", blocks, files, problem);
    }

    private async Task<JsonElement> CallAsync(string method, string query, CancellationToken ct, string? allow = null)
    {
        using var response = await http.SendAsync(Request(new Uri(captureUrl, $"/api/{method}?{query}")), ct);
        response.EnsureSuccessStatusCode();
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        if (!answer.GetProperty("ok").GetBoolean() && answer.GetProperty("error").GetString() != allow)
            throw new HttpRequestException($"the Slack capture answered {method} with {answer.GetProperty("error").GetString()}");
        return answer;
    }

    private static HttpRequestMessage Request(Uri url) => new(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
}
