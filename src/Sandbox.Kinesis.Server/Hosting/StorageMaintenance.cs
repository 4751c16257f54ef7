using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>Background upkeep of the store: group-commit fsync and retention trimming.</summary>
internal sealed class StorageMaintenance(StreamStore store, EngineOptions options, ILogger<StorageMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SyncInterval);
        var nextTrim = DateTime.UtcNow;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.SyncAll();
                if (DateTime.UtcNow < nextTrim) continue;
                nextTrim = DateTime.UtcNow + options.RetentionCheckInterval;
                var deleted = store.TrimExpired();
                if (deleted > 0) logger.LogInformation("Retention deleted {Count} expired segment(s)", deleted);
            }
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
