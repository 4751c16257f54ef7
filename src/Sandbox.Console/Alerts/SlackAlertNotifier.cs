using Sandbox.Core.Endpoints;
using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Console.Alerts;

/// <summary>
/// Posts an alert's evaluation to the Slack destination of the environment (SLACK_WEBHOOK_URL, or
/// SLACK_BOT_TOKEN + SLACK_CHANNEL, else the local capture of `make up`). The destination is
/// resolved per message, so a wrong setting shows in the alert's history instead of stopping the console.
/// </summary>
public sealed class SlackAlertNotifier(HttpClient http, Uri consoleUrl, ILogger<SlackAlertNotifier> log) : IAlertNotifier
{
    public async Task<string> NotifyAsync(AlertNotification n, CancellationToken ct)
    {
        var destination = SlackDestination.Resolve(Environment.GetEnvironmentVariable, EndpointsLoader.Load().SlackUrl);
        var poster = new SlackPoster(http, destination, log: line => log.LogInformation("alert {Alert}: {Line}", n.AlertId, line));
        var result = await poster.PostAsync(Message(n, consoleUrl), [], ct);
        return $"posted to {result.Destination}" + (result.Ts is { } ts ? $" (ts {ts})" : "");
    }

    public static SlackMessage Message(AlertNotification n, Uri consoleUrl)
    {
        var state = n.State.ToUpperInvariant();
        var title = $"{state}: {n.AlertName}";
        var queryUrl = new Uri(consoleUrl, n.QueryPath);
        return new SlackMessage(
            $"{title} — {n.Message}",
            [
                new HeaderBlock(title.Length > 150 ? title[..147] + "..." : title),
                new SectionBlock(Clip($"*{n.Condition}*: {n.Message}")),
                new SectionBlock(null, [$"*Query*\n<{queryUrl}|{Clip(n.QueryName, 1900)}>", $"*Value*\n{Clip(n.Value ?? "none", 1900)}"]),
                new ContextBlock([$"Sandbox Console alert {n.AlertId} · evaluated {n.At:yyyy-MM-dd HH:mm} UTC"]),
            ]);
    }

    private static string Clip(string text, int limit = 2900) => text.Length > limit ? text[..(limit - 3)] + "..." : text;
}
