using System.Text.Json.Nodes;

namespace Sandbox.Slack.Capture.Api;

/// <summary>conversations.list: the channels that received a message (the capture has no others).</summary>
public static class ConversationsList
{
    public const string Name = "conversations.list";

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        var channels = context.Store.Channels().Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Channel,
            ["name"] = c.Channel,
            ["is_channel"] = true,
            ["is_member"] = true,
        }).ToArray();
        return new JsonObject { ["channels"] = new JsonArray(channels), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } };
    }
}
