using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sandbox.Hosting;
using Sandbox.Slack.Capture.Api;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Hosting;

/// <summary>A running capture: Kestrel on a loopback port over a <see cref="CaptureStore"/> in a data folder.</summary>
public sealed class CaptureServer : LoopbackServer
{
    /// <summary>Charts are small; 64 MiB keeps a runaway upload from filling the disk.</summary>
    public const long MaxBodyBytes = 64L << 20;

    private CaptureServer(WebApplication app, CaptureStore store, Uri url) : base(app, store, url) => Store = store;

    public CaptureStore Store { get; }

    /// <summary>Opens the store and starts listening; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public static async Task<CaptureServer> StartAsync(CaptureOptions options, CancellationToken ct = default)
    {
        var store = CaptureStore.Open(options.DataDirectory);
        var app = CreateBuilder(options.Host, options.Port, MaxBodyBytes).Build();
        app.MapPost("/services/{**rest}", http => IncomingWebhook.HandleAsync(http, store, options.WebhookChannel));
        app.MapPost(FileUpload.PathPrefix + "{id}", (HttpContext http, string id) => FileUpload.HandleAsync(http, store, id));
        app.MapGet("/files/{id}/{**name}", (HttpContext http, string id) => FileDownload.HandleAsync(http, store, id));
        app.MapMethods("/api/{method}", ["GET", "POST"], (HttpContext http, string method) => WebApiEndpoint.HandleAsync(http, store, method));
        return new CaptureServer(app, store, await ListenAsync(app, store, options.Host, options.Port, ct));
    }
}
