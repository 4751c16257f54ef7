using System.Text.Json.Nodes;

namespace Sandbox.Slack.Capture.Api;

/// <summary>chat.postMessage: channel plus text and/or blocks; answers the channel, the ts and the message.</summary>
public static class ChatPostMessage
{
    public const string Name = "chat.postMessage";

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        var channel = Channels.Require(arguments.String("channel"));
        var text = arguments.String("text");
        var blocks = arguments.Json("blocks");
        if (MessageContent.Check(text, blocks) is var (error, detail)) throw new SlackApiException(error, detail);
        var fileIds = ReferencedFiles(blocks, context);
        var message = context.Store.Post(channel, Name, text ?? "", blocks, fileIds);
        return new JsonObject { ["channel"] = channel, ["ts"] = message.Ts, ["message"] = MessageJson.Message(message, context) };
    }

    // An image block naming a file (slack_file.id) must name a completed upload, as in Slack.
    private static IReadOnlyList<string> ReferencedFiles(System.Text.Json.JsonElement? blocks, OperationContext context)
    {
        if (blocks is not { ValueKind: System.Text.Json.JsonValueKind.Array } array) return [];
        var ids = array.EnumerateArray()
            .Where(b => b.TryGetProperty("slack_file", out _))
            .Select(b => b.GetProperty("slack_file").GetProperty("id").GetString() ?? "")
            .ToList();
        if (ids.FirstOrDefault(id => context.Store.File(id) is not { Completed: true }) is { } missing)
            throw new SlackApiException("invalid_blocks", $"slack_file '{missing}' is not a completed upload");
        return ids;
    }
}
