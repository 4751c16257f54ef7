using System.Net;
using System.Net.Sockets;
using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Commands;

[Collection(StackCollection.Name)]
public class StatusCommandTests(StackFixture stack)
{
    [Fact]
    public async Task Shows_every_service_ready_with_its_endpoint()
    {
        var result = await SandboxCli.RunAsync(null, "status");

        Assert.True(result.ExitCode == 0, result.Output);
        // warehouse, appdb, dynamodb, s3, kinesis, and the console and the Slack capture when the contract names them.
        var services = 5 + (stack.Endpoints.ConsoleUrl is null ? 0 : 1) + (stack.Endpoints.SlackUrl is null ? 0 : 1);
        Assert.Contains($"all {services} services ready", result.StandardOutput);
        Assert.Contains(stack.Endpoints.KinesisUrl!.ToString(), result.StandardOutput);
        Assert.Contains("ListStreams:", result.StandardOutput);
    }

    [Fact]
    public async Task Fails_and_names_the_service_that_does_not_answer()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var result = await SandboxCli.RunAsync(new Dictionary<string, string> { ["SANDBOX_S3_URL"] = $"http://127.0.0.1:{port}" }, "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not ready: s3", result.StandardOutput);
    }

    [Fact]
    public async Task A_bad_setting_is_reported_by_name()
    {
        var result = await SandboxCli.RunAsync(new Dictionary<string, string> { ["SANDBOX_TARGET"] = "docker" }, "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sandbox: SANDBOX_TARGET='docker' is not one of native, compose, aws", result.StandardError);
        Assert.DoesNotContain(" at Sandbox.", result.Output); // a message for the user, not a stack trace
    }
}
