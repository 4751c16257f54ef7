using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sandbox.Slack.Capture.Api;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Hosting;

/// <summary>A running capture: Kestrel on a loopback port over a <see cref="CaptureStore"/> in a data folder.</summary>
public sealed class CaptureServer : IAsyncDisposable
{
    /// <summary>What the capture prints once it accepts requests (tests and scripts wait for it).</summary>
    public const string ListeningPrefix = "listening on ";

    /// <summary>Charts are small; 64 MiB keeps a runaway upload from filling the disk.</summary>
    public const long MaxBodyBytes = 64L << 20;

    private readonly WebApplication _app;

    private CaptureServer(WebApplication app, CaptureStore store, Uri url)
    {
        _app = app;
        Store = store;
        Url = url;
    }

    public Uri Url { get; }
    public CaptureStore Store { get; }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public static async Task<CaptureServer> StartAsync(CaptureOptions options, CancellationToken ct = default)
    {
        var store = CaptureStore.Open(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Host, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.MapPost("/services/{**rest}", http => IncomingWebhook.HandleAsync(http, store, options.WebhookChannel));
        app.MapPost(FileUpload.PathPrefix + "{id}", (HttpContext http, string id) => FileUpload.HandleAsync(http, store, id));
        app.MapGet("/files/{id}/{**name}", (HttpContext http, string id) => FileDownload.HandleAsync(http, store, id));
        app.MapMethods("/api/{method}", ["GET", "POST"], (HttpContext http, string method) => WebApiEndpoint.HandleAsync(http, store, method));
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            store.Dispose();
            throw new IOException($"port {options.Port} on {options.Host} is already in use: pick another --port (or 0 for any free port)", e);
        }
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = options.Host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{options.Host}]" : options.Host.ToString();
        return new CaptureServer(app, store, new Uri($"http://{host}:{address.Port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
    }
}
