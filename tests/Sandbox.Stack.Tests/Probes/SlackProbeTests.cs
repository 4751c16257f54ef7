using System.Net;
using System.Net.Sockets;
using Sandbox.Stack.Probes;

namespace Sandbox.Stack.Tests.Probes;

/// <summary>`make status`'s Slack line: conversations.list on the capture, and a clear failure when nothing answers.</summary>
public class SlackProbeTests
{
    [Fact]
    public async Task A_slack_capture_that_does_not_answer_fails_the_probe()
    {
        using var spare = new TcpListener(IPAddress.Loopback, 0);
        spare.Start();
        var port = ((IPEndPoint)spare.LocalEndpoint).Port;
        spare.Stop();
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => new SlackProbe(http, new Uri($"http://127.0.0.1:{port}")).ProbeAsync(CancellationToken.None));
    }
}
