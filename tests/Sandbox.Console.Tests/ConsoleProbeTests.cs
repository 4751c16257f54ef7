using System.Net;
using System.Net.Sockets;
using Sandbox.Stack.Probes;

namespace Sandbox.Console.Tests;

/// <summary>`make status`'s console line: a real call to /api/health, and a clear failure when nothing answers.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleProbeTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_probe_reads_the_schema_version_through_the_console()
    {
        using var http = new HttpClient();
        var detail = await new ConsoleProbe(http, console.BaseUrl).ProbeAsync(CancellationToken.None);
        var newest = Sandbox.Console.State.ConsoleDatabase.Migrations.Max(m => m.Version);
        Assert.StartsWith($"console schema v{newest}; queries as ", detail);
    }

    [Fact]
    public async Task The_probe_fails_when_nothing_listens()
    {
        using var spare = new TcpListener(IPAddress.Loopback, 0);
        spare.Start();
        var port = ((IPEndPoint)spare.LocalEndpoint).Port;
        spare.Stop();
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            new ConsoleProbe(http, new Uri($"http://127.0.0.1:{port}")).ProbeAsync(CancellationToken.None));
    }
}
