using System.Text.Json.Nodes;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>Messages and files in the shape conversations.history and files.* answer.</summary>
public static class MessageJson
{
    public const string BotId = "B0SANDBOX";

    public static JsonObject Message(CapturedMessage message, OperationContext context)
    {
        var node = new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = message.Source == IncomingWebhook.Source ? "bot_message" : null,
            ["ts"] = message.Ts,
            ["bot_id"] = BotId,
            ["text"] = message.Text,
        };
        if (message.Blocks is { } blocks) node["blocks"] = JsonNode.Parse(blocks.GetRawText());
        if (message.FileIds.Count > 0)
            node["files"] = new JsonArray(message.FileIds.Select(id => context.Store.File(id)).OfType<CapturedFile>()
                .Select(f => (JsonNode)File(f, context)).ToArray());
        return node;
    }

    public static JsonObject File(CapturedFile file, OperationContext context) => new()
    {
        ["id"] = file.Id,
        ["name"] = file.Name,
        ["title"] = file.Title ?? file.Name,
        ["mimetype"] = file.MimeType,
        ["size"] = file.Length,
        ["url_private"] = new Uri(context.BaseUrl, $"/files/{file.Id}/{Uri.EscapeDataString(file.Name)}").ToString(),
    };
}
