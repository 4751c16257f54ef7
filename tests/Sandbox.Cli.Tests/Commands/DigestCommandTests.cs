using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Commands;

/// <summary>`sandbox digest` as a user runs it: a day without events posts nothing, bad input is named.</summary>
[Collection(StackCollection.Name)]
public class DigestCommandTests
{
    [Fact]
    public async Task A_day_without_events_says_so_posts_nothing_and_exits_1()
    {
        var result = await SandboxCli.RunAsync(null, "digest", "--date", "2099-01-01");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("digest: no events on 2099-01-01 in the warehouse: nothing posted", result.StandardOutput);
    }

    [Theory]
    [InlineData(new[] { "digest", "--date", "2026-02-30" }, "digest: --date '2026-02-30' is not a date (yyyy-MM-dd)")]
    [InlineData(new[] { "digest", "--schedule", "0 9 * *" }, "digest: --schedule '0 9 * *' is not a cron expression")]
    [InlineData(new[] { "digest", "--schedule", "0 9 * * *", "--date", "2026-12-01" }, "digest: --schedule posts the day before each occurrence")]
    public async Task Bad_input_is_named_and_exits_2(string[] arguments, string expected)
    {
        var result = await SandboxCli.RunAsync(null, arguments);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.StartsWith(expected, result.StandardError);
    }
}
