using Sandbox.Core.Endpoints;

namespace Sandbox.Slack.Delivery;

/// <summary>Where messages go: an incoming webhook, or the Web API with a bot token and a channel.</summary>
public abstract record SlackDestination
{
    /// <summary>The real Slack Web API.</summary>
    public static readonly Uri SlackApi = new("https://slack.com/api/");

    /// <summary>The channel the local capture receives into when SLACK_CHANNEL does not name one.</summary>
    public const string CaptureChannel = "kpi-digest";

    /// <summary>The capture takes any xox token; this one says where it came from.</summary>
    public const string CaptureToken = "xoxb-sandbox-local-capture";

    /// <summary>Incoming webhook: blocks only (a webhook cannot upload files); its channel is fixed by the webhook.</summary>
    public sealed record Webhook(Uri Url) : SlackDestination
    {
        public override string Describe() => $"incoming webhook {Url.GetLeftPart(UriPartial.Authority)}/services/… (URL from SLACK_WEBHOOK_URL)";
    }

    /// <param name="ApiBase">https://slack.com/api/ or the capture's /api/.</param>
    public sealed record WebApi(Uri ApiBase, string Token, string Channel, bool IsLocalCapture) : SlackDestination
    {
        public override string Describe() => IsLocalCapture
            ? $"local Slack capture {ApiBase.GetLeftPart(UriPartial.Authority)}, channel #{Channel}"
            : $"Slack Web API, channel {Channel} (bot token from SLACK_BOT_TOKEN)";
    }

    /// <summary>For logs and errors: where the message went, without secrets.</summary>
    public abstract string Describe();

    /// <summary>From the process environment and the endpoints contract (SANDBOX_SLACK_URL for the capture).</summary>
    public static SlackDestination FromEnvironment() =>
        Resolve(Environment.GetEnvironmentVariable, EndpointsLoader.Load().SlackUrl);

    /// <summary>
    /// SLACK_WEBHOOK_URL wins; else SLACK_BOT_TOKEN + SLACK_CHANNEL; else the local capture.
    /// Throws <see cref="FormatException"/> naming the variable that is wrong or missing.
    /// </summary>
    public static SlackDestination Resolve(Func<string, string?> environment, Uri? captureUrl)
    {
        string? Get(string key) => environment(key) is { Length: > 0 } value ? value.Trim() : null;
        if (Get("SLACK_WEBHOOK_URL") is { } webhook)
            return Uri.TryCreate(webhook, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                ? new Webhook(url)
                : throw new FormatException("SLACK_WEBHOOK_URL is not an http(s) URL (expected https://hooks.slack.com/services/T…/B…/…)");
        var token = Get("SLACK_BOT_TOKEN");
        var channel = Get("SLACK_CHANNEL");
        if (token is not null)
        {
            if (channel is null) throw new FormatException("SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not: name the channel to post to (e.g. C0123456789 or #kpi)");
            if (!token.StartsWith("xox", StringComparison.Ordinal)) throw new FormatException("SLACK_BOT_TOKEN does not look like a Slack token (xoxb-…)");
            var apiBase = Get("SLACK_API_URL") is { } api ? new Uri(api.EndsWith('/') ? api : api + "/") : SlackApi;
            return new WebApi(apiBase, token, channel, IsLocalCapture: false);
        }
        if (captureUrl is null)
            throw new FormatException("no Slack destination: set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL, or start the local capture with 'make up' (SANDBOX_SLACK_URL)");
        return new WebApi(new Uri(captureUrl, "/api/"), CaptureToken, channel?.TrimStart('#') ?? CaptureChannel, IsLocalCapture: true);
    }
}
