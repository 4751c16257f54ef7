using Microsoft.Playwright;
using Sandbox.Core.Endpoints;
using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Console.Tests;

/// <summary>
/// The Slack capture's channel in the console (Debian chromium): a message posted through Sandbox.Slack to the
/// stack's capture shows its header, fields, context and uploaded chart as Slack would.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SlackChannelBrowserTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{

    [Fact]
    public async Task A_posted_digest_shows_header_fields_context_and_its_image()
    {
        var capture = EndpointsLoader.Load().SlackUrl ?? throw new InvalidOperationException("SANDBOX_SLACK_URL is not set: start the stack with 'make up'");
        const string channel = "console-tests"; // the newest message is the one posted here
        using var http = new HttpClient();
        var poster = new SlackPoster(http, SlackDestination.Resolve(key => key == "SLACK_CHANNEL" ? channel : null, capture));
        var png = Convert.FromBase64String(SolidPng);
        await poster.PostAsync(new SlackMessage("KPI digest 2026-12-01: DAU 1,234",
        [
            new HeaderBlock("KPI digest · 2026-12-01 (Tue)"),
            new SectionBlock(null, ["*DAU*\n1,234\n▲ 3.0% d/d", "*Top searches*\n1. `&lt;lip&gt;` — 40"]),
            new ImageBlock("DAU chart", "Active users", new ImageSource.Attachment("chart.png")),
            new ContextBlock(["<http://127.0.0.1:8088/queries/new|queries>"]),
        ]), [new SlackImage("chart.png", "Active users", png)], CancellationToken.None);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/login").ToString());
        await page.FillAsync("input[name=name]", "alice");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queries/new");
        await page.GotoAsync(new Uri(console.BaseUrl, $"/slack?channel={channel}").ToString());

        var message = page.Locator("article.message").Last;
        await Assertions.Expect(message.Locator(".block-header")).ToHaveTextAsync("KPI digest · 2026-12-01 (Tue)");
        await Assertions.Expect(message.Locator(".field").First).ToContainTextAsync("DAU1,234▲ 3.0% d/d");
        await Assertions.Expect(message.Locator(".field b").First).ToHaveTextAsync("DAU");
        await Assertions.Expect(message.Locator(".field code")).ToHaveTextAsync("<lip>");
        await Assertions.Expect(message.Locator(".block-context a")).ToHaveAttributeAsync("href", "http://127.0.0.1:8088/queries/new");
        await Assertions.Expect(message.Locator(".block-image figcaption")).ToHaveTextAsync("Active users");
        var image = message.Locator(".block-image img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "DAU chart");
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
        Assert.Equal(200, await image.EvaluateAsync<int>("img => img.naturalWidth"));
        await BrowserTests.Shot(page, "slack-channel");
    }

    /// <summary>A 200x100 PNG of one colour (the browser must decode it: naturalWidth 200).</summary>
    private const string SolidPng = "iVBORw0KGgoAAAANSUhEUgAAAMgAAABkCAIAAABM5OhcAAAAzUlEQVR42u3SMQ0AAAgEsfeDA3zg3womGBiaVMHlUj1wLhJgLIyFscBYGAtjgbEwFsYCY2EsjAXGwlgYC4yFsTAWGAtjYSwwFsbCWGAsjIWxwFgYC2OBsTAWxgJjYSyMBcbCWBgLjIWxMBYYC2NhLDAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIwFxsJYGAuMhbEwFhgLY2EsMBbGwlhgLIyFscBYGAtjgbEwFsYCY2EsjAXGwlgYC2OpgLEwFsYCY2EsjAXGwlgYC4zFbwuWo8aJm27QJAAAAABJRU5ErkJggg==";
}
