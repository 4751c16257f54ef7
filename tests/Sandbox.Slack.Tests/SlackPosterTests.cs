using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sandbox.Slack.Delivery;

namespace Sandbox.Slack.Tests;

/// <summary>The poster against a scripted Slack on a real loopback port: errors, 429s and the upload steps.</summary>
public class SlackPosterTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static SlackPoster Bot(FakeSlack fake, SlackRetryOptions? retry = null) =>
        new(Http, new SlackDestination.WebApi(new Uri(fake.Url, "/api/"), "xoxb-test", "C42", IsLocalCapture: false), retry ?? Messages.FastRetries());

    private static SlackPoster Webhook(FakeSlack fake, SlackRetryOptions? retry = null) =>
        new(Http, new SlackDestination.Webhook(new Uri(fake.Url, "/services/T1/B2/secret")), retry ?? Messages.FastRetries());

    [Fact]
    public async Task A_bot_uploads_each_image_in_three_steps_then_posts_blocks_naming_the_file()
    {
        // The upload URL Slack hands out points at another host: a second fake stands for it.
        await using var slack = await FakeSlack.StartAsync();
        await using var scripted = await FakeSlack.StartAsync(
            FakeSlack.Ok($$"""{"ok":true,"upload_url":"{{slack.Url}}upload/F0001","file_id":"F0001"}"""),
            FakeSlack.Ok(),
            FakeSlack.Ok("""{"ok":true,"channel":"C42","ts":"1764547200.000100"}"""));

        var result = await Bot(scripted).PostAsync(Messages.WithChart(), [Messages.Chart()], CancellationToken.None);

        Assert.Equal(["/api/files.getUploadURLExternal", "/api/files.completeUploadExternal", "/api/chat.postMessage"], scripted.Requests.Select(r => r.Path));
        Assert.All(scripted.Requests, r => Assert.Equal("Bearer xoxb-test", r.Authorization));
        Assert.Equal("filename=active-users.png&length=7", scripted.Requests[0].Text);
        Assert.Equal("/upload/F0001", Assert.Single(slack.Requests).Path);
        Assert.Equal(Messages.Chart().Png, slack.Requests[0].Body);
        Assert.Null(slack.Requests[0].Authorization); // the upload URL is pre-authorized
        Assert.Contains("F0001", Uri.UnescapeDataString(scripted.Requests[1].Text));

        using var post = JsonDocument.Parse(scripted.Requests[2].Body);
        Assert.Equal("C42", post.RootElement.GetProperty("channel").GetString());
        Assert.Equal("KPI digest 2026-12-01: DAU 1,234", post.RootElement.GetProperty("text").GetString());
        Assert.Equal("F0001", post.RootElement.GetProperty("blocks")[2].GetProperty("slack_file").GetProperty("id").GetString());
        Assert.Equal(("C42", "1764547200.000100"), (result.Channel, result.Ts));
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task A_message_naming_a_file_slack_has_not_finished_is_retried_one_without_files_is_not()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var scripted = await FakeSlack.StartAsync(
            FakeSlack.Ok($$"""{"ok":true,"upload_url":"{{slack.Url}}upload/F0001","file_id":"F0001"}"""),
            FakeSlack.Ok(),
            FakeSlack.Ok("""{"ok":false,"error":"invalid_blocks"}"""),
            FakeSlack.Ok("""{"ok":true,"channel":"C42","ts":"1.000100"}"""),
            FakeSlack.Ok("""{"ok":false,"error":"invalid_blocks"}"""));

        var result = await Bot(scripted).PostAsync(Messages.WithChart(), [Messages.Chart()], CancellationToken.None);
        Assert.Equal("1.000100", result.Ts);
        Assert.Equal(2, scripted.Requests.Count(r => r.Path == "/api/chat.postMessage"));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Bot(scripted).PostAsync(Messages.Plain(), [], CancellationToken.None));
        Assert.Equal(("invalid_blocks", 1), (error.SlackError, error.Attempts));
    }

    [Fact]
    public async Task A_429_waits_the_Retry_After_seconds_then_posts()
    {
        await using var fake = await FakeSlack.StartAsync(
            FakeSlack.Answer(429, "", retryAfterSeconds: 1),
            FakeSlack.Answer(200, "ok"));
        var clock = Stopwatch.StartNew();

        var result = await Webhook(fake).PostAsync(Messages.Plain(), [], CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms, before Retry-After's 1 s");
        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(fake.Requests[0].Body, fake.Requests[1].Body);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported_with_status_and_attempts()
    {
        await using var fake = await FakeSlack.StartAsync(
            FakeSlack.Answer(503, "upstream down"), FakeSlack.Answer(503, "upstream down"), FakeSlack.Answer(503, "upstream down"));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Webhook(fake).PostAsync(Messages.Plain(), [], CancellationToken.None));

        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal("Slack incoming webhook failed: HTTP 503 ServiceUnavailable, Slack error 'upstream down' after 3 attempts", error.Message);
    }

    [Fact]
    public async Task A_bad_token_fails_at_once_naming_invalid_auth()
    {
        await using var fake = await FakeSlack.StartAsync(FakeSlack.Ok("""{"ok":false,"error":"invalid_auth"}"""));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Bot(fake).PostAsync(Messages.WithChart(), [Messages.Chart()], CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Equal("invalid_auth", error.SlackError);
        Assert.Equal("Slack files.getUploadURLExternal failed: HTTP 200 OK, Slack error 'invalid_auth' (check SLACK_BOT_TOKEN / SLACK_WEBHOOK_URL) after 1 attempt", error.Message);
    }

    [Fact]
    public async Task An_unknown_channel_is_named()
    {
        await using var fake = await FakeSlack.StartAsync(FakeSlack.Ok("""{"ok":false,"error":"channel_not_found"}"""));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Bot(fake).PostAsync(Messages.Plain(), [], CancellationToken.None));

        Assert.Equal("chat.postMessage", error.Operation);
        Assert.Contains("'channel_not_found' (check SLACK_CHANNEL", error.Message);
    }

    [Fact]
    public async Task A_webhook_that_does_not_exist_says_no_service()
    {
        await using var fake = await FakeSlack.StartAsync(FakeSlack.Answer(404, "no_service"));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Webhook(fake).PostAsync(Messages.Plain(), [], CancellationToken.None));

        Assert.Equal((HttpStatusCode.NotFound, "no_service", 1), (error.Status!.Value, error.SlackError, error.Attempts));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_fails_at_once_saying_so()
    {
        await using var fake = await FakeSlack.StartAsync(FakeSlack.Answer(429, "", retryAfterSeconds: 3600));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => Webhook(fake).PostAsync(Messages.Plain(), [], CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Contains("Slack asked to wait 3600 s, longer than the 5 s this poster waits", error.Message);
    }

    [Fact]
    public async Task A_slack_that_does_not_answer_is_retried_then_reported()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var poster = new SlackPoster(Http, new SlackDestination.Webhook(new Uri($"http://127.0.0.1:{port}/services/T/B/x")), Messages.FastRetries(2));

        var error = await Assert.ThrowsAsync<SlackDeliveryException>(() => poster.PostAsync(Messages.Plain(), [], CancellationToken.None));

        Assert.Null(error.Status);
        Assert.StartsWith("Slack incoming webhook failed: no HTTP answer after 2 attempts", error.Message);
    }

    [Fact]
    public async Task A_webhook_posts_the_blocks_and_says_the_images_were_not_sent()
    {
        await using var fake = await FakeSlack.StartAsync(FakeSlack.Answer(200, "ok"));

        var result = await Webhook(fake).PostAsync(Messages.WithChart(), [Messages.Chart()], CancellationToken.None);

        using var body = JsonDocument.Parse(fake.Requests[0].Body);
        Assert.Equal(3, body.RootElement.GetProperty("blocks").GetArrayLength());
        Assert.Contains("an incoming webhook cannot upload files", Assert.Single(result.Notes));
    }

    [Fact]
    public async Task An_image_block_without_its_image_is_refused_before_any_call()
    {
        await using var fake = await FakeSlack.StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Bot(fake).PostAsync(Messages.WithChart(), [], CancellationToken.None));
        Assert.Contains("'active-users.png'", error.Message);
        Assert.Empty(fake.Requests);
    }
}
