using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sandbox.Hosting;

/// <summary>
/// A running Kestrel server on a loopback port over a store in a data folder: the part sandbox-kinesis,
/// sandbox-dynamodb and sandbox-slack share. Stopping finishes the requests in flight before the store
/// is closed, so nothing writes to a closed store.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable _store;
    private bool _stopped;

    protected LoopbackServer(WebApplication app, IDisposable store, Uri url)
    {
        _app = app;
        _store = store;
        Url = url;
    }

    /// <summary>http://127.0.0.1:port (or http://[::1]:port) with the port actually bound.</summary>
    public Uri Url { get; }

    /// <summary>Completes once SIGTERM or Ctrl-C has stopped the host.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>
    /// A slim builder listening on <paramref name="host"/>:<paramref name="port"/>: logs to stderr
    /// (stdout carries only the listening line), warnings and up, and information from our own code.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IPAddress host, int port, long maxRequestBodyBytes)
    {
        // The content root is where appsettings.json is looked for and watched (recursively, for reload): the working
        // directory by default, which in the native stack holds .sandbox/data, so every write of a server's own files
        // woke the watcher (inotify read + lstat: ~23 us of system CPU per DynamoDB item imported). The app's folder
        // holds nothing that changes.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Sandbox", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(host, port);
            kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>
    /// Starts <paramref name="app"/> and returns the URL it listens on. If the port is taken, the app
    /// and <paramref name="store"/> are closed and <see cref="PortInUseException"/> is thrown.
    /// </summary>
    public static async Task<Uri> ListenAsync(WebApplication app, IDisposable store, IPAddress host, int port, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            store.Dispose();
            throw new PortInUseException(host, port, e);
        }
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var hostText = host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        return new Uri($"http://{hostText}:{bound}");
    }

    /// <summary>Stops accepting, finishes the requests in flight, then closes the store (once).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        _store.Dispose();
        await _app.DisposeAsync();
    }
}
