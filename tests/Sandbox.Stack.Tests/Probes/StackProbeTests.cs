using System.Net;
using System.Net.Sockets;
using Sandbox.Core.Endpoints;
using Sandbox.Stack;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Probes;

[Collection(StackCollection.Name)]
public class StackProbeTests(StackFixture stack)
{
    [Fact]
    public async Task Every_service_of_the_running_stack_answers_a_real_call()
    {
        var results = await stack.Stack.Probe().ProbeAllAsync(TimeSpan.FromSeconds(5));

        // The console is in the contract when stack.sh or compose started it (a bare container fixture has none).
        string[] console = stack.Endpoints.ConsoleUrl is null ? [] : ["console"];
        string[] slack = stack.Endpoints.SlackUrl is null ? [] : ["slack"];
        Assert.Equal(["warehouse", "appdb", "dynamodb", "s3", "kinesis", .. console, .. slack], results.Select(r => r.Service));
        Assert.All(results, r => Assert.True(r.Ready, $"{r.Service}: {r.Detail}"));
        Assert.Contains(results, r => r.Detail.StartsWith("ListStreams:"));
        if (console.Length > 0) Assert.Contains(results, r => r.Detail.StartsWith("console schema v"));
        if (slack.Length > 0) Assert.Contains(results, r => r.Detail.StartsWith("Slack capture"));
        Assert.Contains(results, r => r.Detail.StartsWith("MySQL-compatible 10.11") || r.Detail.StartsWith("MySQL-compatible 8.0"));
    }

    [Fact]
    public async Task An_app_database_that_does_not_answer_is_reported_with_the_reason()
    {
        var deadPort = FreePort();
        await using var broken = new SandboxStack(stack.Endpoints with
        {
            AppDatabaseConnectionString = $"Server=127.0.0.1;Port={deadPort};Database=app;User ID=sandbox_app;Password=x;ConnectionTimeout=3",
        });

        var appdb = Assert.Single(await broken.Probe().ProbeAllAsync(TimeSpan.FromSeconds(5)), r => r.Service == "appdb");

        Assert.False(appdb.Ready);
        Assert.Equal(new Uri($"mysql://127.0.0.1:{deadPort}/app"), appdb.Endpoint);
        Assert.Contains("Unable to connect to any of the specified MySQL hosts", appdb.Detail);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_reported_with_the_reason()
    {
        var deadPort = FreePort();
        await using var broken = new SandboxStack(stack.Endpoints with { KinesisUrl = new Uri($"http://127.0.0.1:{deadPort}") });

        var results = await broken.Probe().ProbeAllAsync(TimeSpan.FromSeconds(5));

        var kinesis = Assert.Single(results, r => r.Service == "kinesis");
        Assert.False(kinesis.Ready);
        Assert.Contains("refused", kinesis.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.All(results.Where(r => r.Service != "kinesis"), r => Assert.True(r.Ready));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
