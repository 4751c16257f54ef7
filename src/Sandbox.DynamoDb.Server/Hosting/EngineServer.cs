using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandbox.DynamoDb.Server.Http;
using Sandbox.DynamoDb.Server.Storage;
using Sandbox.Hosting;

namespace Sandbox.DynamoDb.Server.Hosting;

/// <summary>A running engine: Kestrel on a loopback port over the tables in a data folder.</summary>
public sealed class EngineServer : LoopbackServer
{
    private EngineServer(WebApplication app, TableStore store, Uri url) : base(app, store, url)
    {
    }

    /// <summary>Opens the tables and starts listening; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public static async Task<EngineServer> StartAsync(EngineOptions options, CancellationToken cancellationToken = default)
    {
        var builder = CreateBuilder(options.Host, options.Port, DynamoDbEndpoint.MaxBodyBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<TableStore>();
            return TableStore.Open(options.DataDirectory, message => logger.LogWarning("{Message}", message));
        });
        builder.Services.AddSingleton<DynamoDbEndpoint>();
        builder.Services.AddHostedService<GroupCommit>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        var store = app.Services.GetRequiredService<TableStore>();
        app.Run(app.Services.GetRequiredService<DynamoDbEndpoint>().HandleAsync);
        return new EngineServer(app, store, await ListenAsync(app, store, options.Host, options.Port, cancellationToken));
    }
}

/// <summary>checkpoints (fsyncs) every table's items on a short period and at shutdown.</summary>
internal sealed class GroupCommit(TableStore store, EngineOptions options) : PeriodicSync(options.SyncInterval)
{
    protected override void Sync() => store.SyncAll();
}
