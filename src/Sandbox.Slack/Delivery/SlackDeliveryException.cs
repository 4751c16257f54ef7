using System.Net;

namespace Sandbox.Slack.Delivery;

/// <summary>
/// A post Slack refused, or that still failed after the retries: names the call, the HTTP status and
/// Slack's own error string (invalid_auth, channel_not_found, no_service...).
/// </summary>
public sealed class SlackDeliveryException(string operation, HttpStatusCode? status, string? slackError, int attempts, string? detail = null, Exception? inner = null)
    : Exception(Describe(operation, status, slackError, attempts, detail), inner)
{
    public string Operation { get; } = operation;
    public HttpStatusCode? Status { get; } = status;
    public string? SlackError { get; } = slackError;
    public int Attempts { get; } = attempts;

    private static string Describe(string operation, HttpStatusCode? status, string? slackError, int attempts, string? detail)
    {
        var what = status is { } s ? $"HTTP {(int)s} {s}" : "no HTTP answer";
        var error = slackError is null ? "" : $", Slack error '{slackError}'";
        var hint = slackError is null ? "" : Hint(slackError) is { } h ? $" ({h})" : "";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return $"Slack {operation} failed: {what}{error}{hint} after {tries}" + (detail is null ? "" : $": {detail}");
    }

    private static string? Hint(string error) => error switch
    {
        "invalid_auth" or "not_authed" or "invalid_token" or "token_revoked" => "check SLACK_BOT_TOKEN / SLACK_WEBHOOK_URL",
        "channel_not_found" or "not_in_channel" => "check SLACK_CHANNEL and that the bot is in the channel",
        "no_service" or "no_team" => "the webhook URL does not exist: check SLACK_WEBHOOK_URL",
        "invalid_blocks" or "invalid_payload" or "no_text" => "the message itself was refused",
        _ => null,
    };
}
