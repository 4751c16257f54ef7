using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Hosting.Tests;

public sealed class LoopbackServerTests
{
    private sealed class CountingStore : IDisposable
    {
        public int Disposed { get; private set; }
        public void Dispose() => Disposed++;
    }

    private sealed class TestServer(WebApplication app, IDisposable store, Uri url) : LoopbackServer(app, store, url)
    {
        public static async Task<TestServer> StartAsync(IPAddress host, int port, CountingStore store)
        {
            var app = CreateBuilder(host, port, maxRequestBodyBytes: 1024).Build();
            app.Run(http => http.Response.WriteAsync("served"));
            return new TestServer(app, store, await ListenAsync(app, store, host, port, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Port_0_binds_a_free_loopback_port_and_the_url_names_it()
    {
        var store = new CountingStore();
        await using var server = await TestServer.StartAsync(IPAddress.Loopback, 0, store);

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.NotEqual(0, server.Url.Port);
        using var http = new HttpClient();
        Assert.Equal("served", await http.GetStringAsync(server.Url));
    }

    [Fact]
    public async Task A_taken_port_is_a_PortInUseException_and_the_store_is_closed()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var store = new CountingStore();

        var error = await Assert.ThrowsAsync<PortInUseException>(() => TestServer.StartAsync(IPAddress.Loopback, port, store));

        Assert.Contains($"port {port} on 127.0.0.1 is already in use", error.Message);
        Assert.Equal(1, store.Disposed);
    }

    [Fact]
    public async Task Disposing_stops_listening_and_closes_the_store_once()
    {
        var store = new CountingStore();
        var server = await TestServer.StartAsync(IPAddress.Loopback, 0, store);

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.Equal(1, store.Disposed);
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, server.Url.Port));
    }
}
