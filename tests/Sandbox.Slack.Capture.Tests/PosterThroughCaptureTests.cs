using System.Net;
using System.Net.Http.Headers;
using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Slack.Capture.Tests;

/// <summary>Sandbox.Slack's poster against the capture: what one posts, the other stores and reads back as Slack would.</summary>
public class PosterThroughCaptureTests
{
    private static readonly SlackRetryOptions Fast = new(2, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));

    private static SlackMessage Digest(int sections = 1) => new("KPI digest: DAU 1,234",
    [
        new HeaderBlock("KPI digest 2026-12-01"),
        .. Enumerable.Range(1, sections).Select(i => new SectionBlock($"section {i}", ["*DAU*\n1,234"])),
        new ImageBlock("DAU chart", "Active users", new ImageSource.Attachment("dau.png")),
        new ContextBlock(["<http://127.0.0.1:8088/queries|queries>"]),
    ]);

    private static readonly SlackImage Chart = new("dau.png", "Active users", [0x89, 0x50, 0x4E, 0x47, 9, 8, 7, 6]);

    [Fact]
    public async Task A_bot_post_with_a_chart_is_stored_and_read_back_with_its_file()
    {
        await using var capture = await RunningCapture.StartAsync();
        var destination = SlackDestination.Resolve(_ => null, capture.Url);
        var result = await new SlackPoster(RunningCapture.Http, destination, Fast).PostAsync(Digest(), [Chart], CancellationToken.None);

        Assert.Equal(SlackDestination.CaptureChannel, result.Channel);
        var history = await capture.CallAsync("conversations.history", ("channel", SlackDestination.CaptureChannel));
        var message = Assert.Single(history.GetProperty("messages").EnumerateArray());
        Assert.Equal(result.Ts, message.GetProperty("ts").GetString());
        Assert.Equal("KPI digest: DAU 1,234", message.GetProperty("text").GetString());
        var blocks = BlockKitJson.Read(message.GetProperty("blocks"));
        Assert.Equal(new ImageSource.SlackFile(result.FileIds["dau.png"]), ((ImageBlock)blocks[2]).Source);
        var file = Assert.Single(message.GetProperty("files").EnumerateArray());
        Assert.Equal("Active users", file.GetProperty("title").GetString());

        using var download = new HttpRequestMessage(HttpMethod.Get, file.GetProperty("url_private").GetString())
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", RunningCapture.Token) },
        };
        using var bytes = await RunningCapture.Http.SendAsync(download);
        Assert.Equal(Chart.Png, await bytes.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", bytes.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Messages_and_files_survive_a_restart_and_new_ts_keep_increasing()
    {
        await using var capture = await RunningCapture.StartAsync();
        var poster = new SlackPoster(RunningCapture.Http, SlackDestination.Resolve(_ => null, capture.Url), Fast);
        var first = await poster.PostAsync(Digest(), [Chart], CancellationToken.None);

        await capture.RestartAsync();
        poster = new SlackPoster(RunningCapture.Http, SlackDestination.Resolve(_ => null, capture.Url), Fast);
        var second = await poster.PostAsync(Digest(), [Chart], CancellationToken.None);

        var history = await capture.CallAsync("conversations.history", ("channel", SlackDestination.CaptureChannel));
        Assert.Equal([second.Ts, first.Ts], history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("ts").GetString()));
        Assert.True(string.CompareOrdinal(second.Ts, first.Ts) > 0);
        Assert.Equal(Chart.Png, File.ReadAllBytes(capture.Server.Store.BytesPath(first.FileIds["dau.png"])));
    }

    [Fact]
    public async Task A_webhook_post_lands_in_the_webhook_channel_and_bad_ones_get_slacks_words()
    {
        await using var capture = await RunningCapture.StartAsync();
        var webhook = new SlackPoster(RunningCapture.Http, new SlackDestination.Webhook(new Uri(capture.Url, "/services/T1/B2/secret")), Fast);
        var result = await webhook.PostAsync(Digest(), [Chart], CancellationToken.None);
        Assert.Single(result.Notes);

        var missing = new SlackPoster(RunningCapture.Http, new SlackDestination.Webhook(new Uri(capture.Url, "/services/nothing")), Fast);
        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => missing.PostAsync(Digest(), [Chart], CancellationToken.None));
        Assert.Equal((HttpStatusCode.NotFound, "no_service"), (error.Status!.Value, error.SlackError));

        var history = await capture.CallAsync("conversations.history", ("channel", "kpi-digest"));
        var message = Assert.Single(history.GetProperty("messages").EnumerateArray());
        Assert.Equal("bot_message", message.GetProperty("subtype").GetString());
        Assert.Equal(3, message.GetProperty("blocks").GetArrayLength()); // the image could not travel by webhook
    }

    [Fact]
    public async Task A_bad_token_and_a_bad_channel_come_back_as_slack_errors()
    {
        await using var capture = await RunningCapture.StartAsync();
        var api = new Uri(capture.Url, "/api/");

        var badToken = new SlackPoster(RunningCapture.Http, new SlackDestination.WebApi(api, "not-a-token", "kpi", false), Fast);
        var auth = await Assert.ThrowsAsync<SlackDeliveryException>(() => badToken.PostAsync(Digest(), [Chart], CancellationToken.None));
        Assert.Equal(("files.getUploadURLExternal", "invalid_auth"), (auth.Operation, auth.SlackError));

        var badChannel = new SlackPoster(RunningCapture.Http, new SlackDestination.WebApi(api, RunningCapture.Token, "Not A Channel", false), Fast);
        var channel = await Assert.ThrowsAsync<SlackDeliveryException>(() => badChannel.PostAsync(Digest(), [Chart], CancellationToken.None));
        Assert.Equal(("chat.postMessage", "channel_not_found", 1), (channel.Operation, channel.SlackError, channel.Attempts));
    }
}
