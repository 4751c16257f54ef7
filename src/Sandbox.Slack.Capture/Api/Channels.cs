using System.Text.RegularExpressions;

namespace Sandbox.Slack.Capture.Api;

/// <summary>
/// Channel arguments: a name (with or without #) or an id. The capture creates a channel on its first message
/// and uses the name as its id; a value no Slack channel could have is channel_not_found.
/// </summary>
public static partial class Channels
{
    public static string Require(string? channel)
    {
        var name = channel?.TrimStart('#');
        if (string.IsNullOrEmpty(name) || !ValidName().IsMatch(name)) throw new SlackApiException("channel_not_found");
        return name;
    }

    // Slack channel names: lower case letters, digits, hyphens and underscores, at most 80.
    [GeneratedRegex("^[a-z0-9_-][a-z0-9_.-]{0,79}$|^[CGD][A-Z0-9]{8,}$")]
    private static partial Regex ValidName();
}
