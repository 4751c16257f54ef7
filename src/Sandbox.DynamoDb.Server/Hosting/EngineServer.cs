using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandbox.DynamoDb.Server.Http;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Hosting;

/// <summary>A running engine: Kestrel on a loopback port over the tables in a data folder.</summary>
public sealed class EngineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TableStore _store;
    private bool _stopped;

    private EngineServer(WebApplication app, TableStore store, Uri url)
    {
        _app = app;
        _store = store;
        Url = url;
    }

    public Uri Url { get; }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Replays the tables and starts listening; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public static async Task<EngineServer> StartAsync(EngineOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Sandbox", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Host, options.Port);
            kestrel.Limits.MaxRequestBodySize = DynamoDbEndpoint.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<TableStore>();
            return TableStore.Open(options.DataDirectory, options.CompactAtBytes, message => logger.LogWarning("{Message}", message));
        });
        builder.Services.AddSingleton<DynamoDbEndpoint>();
        builder.Services.AddHostedService<GroupCommit>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        var store = app.Services.GetRequiredService<TableStore>();
        app.Run(app.Services.GetRequiredService<DynamoDbEndpoint>().HandleAsync);
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
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var host = options.Host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{options.Host}]" : options.Host.ToString();
        return new EngineServer(app, store, new Uri($"http://{host}:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        _store.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>fsyncs every table's log on a short period and at shutdown (acknowledged writes are already in the OS).</summary>
internal sealed class GroupCommit(TableStore store, EngineOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SyncInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) store.SyncAll();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        store.SyncAll();
    }
}

public sealed class PortInUseException(IPAddress host, int port, Exception inner)
    : Exception($"port {port} on {host} is already in use: pick another --port (or 0 for any free port)", inner);
