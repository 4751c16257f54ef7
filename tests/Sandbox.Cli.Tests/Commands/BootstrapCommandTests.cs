using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Commands;

[Collection(StackCollection.Name)]
public class BootstrapCommandTests(StackFixture stack)
{
    [Fact]
    public async Task Second_bootstrap_creates_nothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var names = new Dictionary<string, string>
        {
            ["SANDBOX_STREAM"] = $"cli-{suffix}",
            ["SANDBOX_ARCHIVE_BUCKET"] = $"cli-archive-{suffix}",
            ["SANDBOX_CLICKLOG_TABLE"] = $"cli-clicks-{suffix}",
        };

        var first = await SandboxCli.RunAsync(names, "bootstrap");
        var second = await SandboxCli.RunAsync(names, "bootstrap");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"kinesis\s+stream cli-\w+ \(4 shards\)\s+created", first.StandardOutput);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("bootstrap: done, 0 created", second.StandardOutput);
        var stream = await stack.Stack.Kinesis.DescribeStreamSummaryAsync(new() { StreamName = names["SANDBOX_STREAM"] });
        Assert.Equal(4, stream.StreamDescriptionSummary.OpenShardCount);
    }
}
