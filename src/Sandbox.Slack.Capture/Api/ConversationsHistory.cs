using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Slack.Capture.Api;

/// <summary>conversations.history: a channel's messages, newest first, paged by limit and cursor (what the console's channel view reads).</summary>
public static class ConversationsHistory
{
    public const string Name = "conversations.history";

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        var channel = Channels.Require(arguments.String("channel"));
        var messages = context.Store.History(channel);
        if (messages.Count == 0 && !context.Store.Channels().Any(c => c.Channel == channel)) throw new SlackApiException("channel_not_found");
        var limit = Limit(arguments.String("limit"));
        var offset = arguments.String("cursor") is { } cursor ? Offset(cursor) : 0;
        var page = messages.Skip(offset).Take(limit).ToList();
        var more = offset + page.Count < messages.Count;
        return new JsonObject
        {
            ["messages"] = new JsonArray(page.Select(m => (JsonNode)MessageJson.Message(m, context)).ToArray()),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? Cursor(offset + page.Count) : "" },
        };
    }

    private static int Limit(string? text) => text is null ? 100
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 999 ? limit
        : throw new SlackApiException("invalid_limit", $"limit '{text}' is not between 1 and 999");

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static int Offset(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out var offset) && offset >= 0) return offset;
        }
        catch (FormatException) { }
        throw new SlackApiException("invalid_cursor");
    }
}
