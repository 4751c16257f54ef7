using System.Text.Json;
using Sandbox.Slack.Blocks;

namespace Sandbox.Slack.Capture.Api;

/// <summary>Checks a message's text and blocks as Slack does: blocks must parse and fit Slack's limits.</summary>
public static class MessageContent
{
    /// <returns>The problem as Slack's error word and a detail, or null when the message is acceptable.</returns>
    public static (string Error, string Detail)? Check(string? text, JsonElement? blocks)
    {
        if (blocks is not { } array || array.ValueKind == JsonValueKind.Null)
            return string.IsNullOrEmpty(text) ? ("no_text", "a message needs text or blocks") : null;
        IReadOnlyList<SlackBlock> parsed;
        try
        {
            parsed = BlockKitJson.Read(array);
        }
        catch (FormatException e)
        {
            return ("invalid_blocks", e.Message);
        }
        if (parsed.Count == 0 && string.IsNullOrEmpty(text)) return ("no_text", "a message needs text or blocks");
        // Slack posts block messages without text (with a warning); only the blocks' own limits refuse them.
        var problems = SlackLimits.Violations(string.IsNullOrEmpty(text) ? "-" : text, parsed);
        return problems.Count > 0 ? ("invalid_blocks", string.Join("; ", problems)) : null;
    }
}
