using Sandbox.Core.Endpoints;

namespace Sandbox.Console.Slack;

/// <summary>
/// GET /slack?channel=NAME: the local Slack capture's channel as Slack would show it (signed-in users);
/// GET /slack/files/{id}: a captured image, fetched from the capture with its token.
/// The capture is SANDBOX_SLACK_URL in the endpoints contract; without it the page says so.
/// </summary>
public static class SlackChannelEndpoints
{
    public const string DefaultChannel = "kpi-digest";
    private const int MessageLimit = 50;

    public static void MapSlackChannel(this WebApplication app)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        CaptureReader? Reader() => EndpointsLoader.Load().SlackUrl is { } url ? new CaptureReader(http, url) : null;

        app.MapGet("/slack", async (string? channel, CancellationToken ct) =>
        {
            channel ??= DefaultChannel;
            if (Reader() is not { } reader)
                return Page(ChannelPage.Render(channel, [], [], "This stack has no Slack capture (SANDBOX_SLACK_URL is not set): start it with 'make up'."));
            try
            {
                var channels = await reader.ChannelsAsync(ct);
                var messages = await reader.HistoryAsync(channel, MessageLimit, ct);
                var notice = messages.Count == 0 ? $"Nothing was posted to #{channel} yet." : null;
                return Page(ChannelPage.Render(channel, channels, messages, notice));
            }
            catch (HttpRequestException e)
            {
                return Page(ChannelPage.Render(channel, [], [], $"The Slack capture at {reader.CaptureUrl} does not answer: {e.Message}"));
            }
        });
        app.MapGet("/slack/files/{id}", async (string id, CancellationToken ct) =>
            Reader() is { } reader && await reader.FileAsync(id, ct) is { } file
                ? Results.File(file.Bytes, file.ContentType)
                : Results.NotFound());
    }

    private static IResult Page(string html) => Results.Content(html, "text/html; charset=utf-8");
}
