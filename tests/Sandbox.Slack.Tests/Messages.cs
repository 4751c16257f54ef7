using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Slack.Tests;

internal static class Messages
{
    public static SlackMessage WithChart() => new("KPI digest 2026-12-01: DAU 1,234",
    [
        new HeaderBlock("KPI digest 2026-12-01"),
        new SectionBlock(null, ["*DAU*\n1,234", "*WAU*\n5,678"]),
        new ImageBlock("Active users", "DAU / WAU / MAU", new ImageSource.Attachment("active-users.png")),
        new ContextBlock(["from the warehouse"]),
    ]);

    /// <summary>The same without the chart (for calls where images do not matter).</summary>
    public static SlackMessage Plain() => new(WithChart().Text, WithChart().Blocks.Take(2).ToList());

    public static SlackImage Chart() => new("active-users.png", "Active users", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);

    public static SlackRetryOptions FastRetries(int attempts = 3) => new(attempts, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));
}
