using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandbox.Kinesis.Server.Api;
using Sandbox.Kinesis.Server.Http;
using Sandbox.Kinesis.Server.Limits;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>A running engine: Kestrel on a loopback port over a store in a data folder.</summary>
public sealed class EngineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StreamStore _store;

    private EngineServer(WebApplication app, StreamStore store, Uri url)
    {
        _app = app;
        _store = store;
        Url = url;
    }

    public Uri Url { get; }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Opens the store and starts listening; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public static async Task<EngineServer> StartAsync(EngineOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var store = StreamStore.Open(options.DataDirectory, time: time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Sandbox", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Host, options.Port);
            kestrel.Limits.MaxRequestBodySize = KinesisEndpoint.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new Engine(store, new ThroughputLimiter(options.LimitsEnforced, time), new ShardIteratorCodec(time)));
        builder.Services.AddSingleton<KinesisEndpoint>();
        builder.Services.AddHostedService<StorageMaintenance>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        var endpoint = app.Services.GetRequiredService<KinesisEndpoint>();
        app.Run(endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            store.Dispose();
            throw new PortInUseException(options.Host, options.Port, e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = options.Host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{options.Host}]" : options.Host.ToString();
        return new EngineServer(app, store, new Uri($"http://{host}:{port}"));
    }

    public async Task StopAsync()
    {
        await _app.StopAsync();
        _store.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class PortInUseException(IPAddress host, int port, Exception inner)
    : Exception($"port {port} on {host} is already in use: pick another --port (or 0 for any free port)", inner);
