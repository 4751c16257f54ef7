using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sandbox.Hosting;
using Sandbox.Kinesis.Server.Api;
using Sandbox.Kinesis.Server.Http;
using Sandbox.Kinesis.Server.Limits;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>A running engine: Kestrel on a loopback port over a store in a data folder.</summary>
public sealed class EngineServer : LoopbackServer
{
    private EngineServer(WebApplication app, StreamStore store, Uri url) : base(app, store, url)
    {
    }

    /// <summary>Opens the store and starts listening; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public static async Task<EngineServer> StartAsync(EngineOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var store = StreamStore.Open(options.DataDirectory, time: time);
        var builder = CreateBuilder(options.Host, options.Port, KinesisEndpoint.MaxBodyBytes);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new Engine(store, new ThroughputLimiter(options.LimitsEnforced, time), new ShardIteratorCodec(time)));
        builder.Services.AddSingleton<KinesisEndpoint>();
        builder.Services.AddHostedService<StorageMaintenance>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<KinesisEndpoint>().HandleAsync);
        return new EngineServer(app, store, await ListenAsync(app, store, options.Host, options.Port, cancellationToken));
    }
}
