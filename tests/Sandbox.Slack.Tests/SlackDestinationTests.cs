using Sandbox.Slack.Delivery;

namespace Sandbox.Slack.Tests;

public class SlackDestinationTests
{
    private static readonly Uri Capture = new("http://127.0.0.1:8089");

    private static SlackDestination Resolve(params (string Key, string Value)[] env) =>
        SlackDestination.Resolve(key => env.FirstOrDefault(e => e.Key == key).Value, Capture);

    [Fact]
    public void A_webhook_wins_over_a_bot_token()
    {
        var destination = Resolve(("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T1/B2/x"), ("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_CHANNEL", "C1"));
        Assert.Equal(new SlackDestination.Webhook(new Uri("https://hooks.slack.com/services/T1/B2/x")), destination);
    }

    [Fact]
    public void A_bot_token_posts_to_the_real_web_api_in_its_channel()
    {
        var destination = Assert.IsType<SlackDestination.WebApi>(Resolve(("SLACK_BOT_TOKEN", "xoxb-1"), ("SLACK_CHANNEL", "C1")));
        Assert.Equal(new Uri("https://slack.com/api/"), destination.ApiBase);
        Assert.Equal("C1", destination.Channel);
        Assert.False(destination.IsLocalCapture);
    }

    [Fact]
    public void Without_either_the_local_capture_receives()
    {
        var destination = Assert.IsType<SlackDestination.WebApi>(Resolve());
        Assert.Equal(new Uri("http://127.0.0.1:8089/api/"), destination.ApiBase);
        Assert.Equal(SlackDestination.CaptureChannel, destination.Channel);
        Assert.True(destination.IsLocalCapture);
    }

    [Theory]
    [InlineData("SLACK_WEBHOOK_URL", "hooks.slack.com/services/x", "SLACK_WEBHOOK_URL is not an http(s) URL")]
    [InlineData("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_CHANNEL is not")]
    [InlineData("SLACK_BOT_TOKEN", "abc", "SLACK_CHANNEL is not")]
    public void Bad_settings_name_the_variable(string key, string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Resolve((key, value)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_token_that_is_no_slack_token_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Resolve(("SLACK_BOT_TOKEN", "abc"), ("SLACK_CHANNEL", "C1")));
        Assert.Contains("SLACK_BOT_TOKEN does not look like a Slack token", error.Message);
    }

    [Fact]
    public void No_destination_at_all_says_what_to_set()
    {
        var error = Assert.Throws<FormatException>(() => SlackDestination.Resolve(_ => null, captureUrl: null));
        Assert.Contains("set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL", error.Message);
    }
}
