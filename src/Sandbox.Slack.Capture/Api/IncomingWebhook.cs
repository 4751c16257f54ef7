using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>
/// An incoming webhook, POST /services/T…/B…/secret with {"text", "blocks"} (JSON, or a form field "payload").
/// Answers as Slack's webhooks do: 200 "ok", or an HTTP error status with one word (no_service, invalid_payload,
/// no_text, invalid_blocks). Every webhook posts into the capture's webhook channel.
/// </summary>
public static class IncomingWebhook
{
    public const string Source = "incoming-webhook";
    public const string PathPrefix = "/services/";

    public static async Task HandleAsync(HttpContext http, CaptureStore store, string channel)
    {
        var segments = http.Request.Path.Value![PathPrefix.Length..].Split('/');
        if (segments.Length != 3 || segments.Any(s => s.Length == 0))
        {
            await Reply(http, StatusCodes.Status404NotFound, "no_service");
            return;
        }
        JsonElement payload;
        try
        {
            payload = await ReadPayloadAsync(http.Request);
        }
        catch (JsonException)
        {
            await Reply(http, StatusCodes.Status400BadRequest, "invalid_payload");
            return;
        }
        var text = payload.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        JsonElement? blocks = payload.TryGetProperty("blocks", out var b) ? b : null;
        if (MessageContent.Check(text, blocks) is var (error, _))
        {
            await Reply(http, StatusCodes.Status400BadRequest, error);
            return;
        }
        store.Post(channel, Source, text ?? "", blocks, []);
        await Reply(http, StatusCodes.Status200OK, "ok");
    }

    private static async Task<JsonElement> ReadPayloadAsync(HttpRequest request)
    {
        string json;
        if (request.HasFormContentType) json = (await request.ReadFormAsync())["payload"].ToString();
        else using (var reader = new StreamReader(request.Body)) json = await reader.ReadToEndAsync();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : throw new JsonException("not an object");
    }

    private static Task Reply(HttpContext http, int status, string word)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html";
        return http.Response.WriteAsync(word);
    }
}
