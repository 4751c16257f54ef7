using Microsoft.Extensions.Logging;
using Sandbox.Hosting;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>Background upkeep of the store: group-commit fsync and, on the same timer, retention trimming.</summary>
internal sealed class StorageMaintenance(StreamStore store, EngineOptions options, ILogger<StorageMaintenance> logger) : PeriodicSync(options.SyncInterval)
{
    private DateTime _nextTrim = DateTime.UtcNow;

    protected override void Sync() => store.SyncAll();

    protected override void AfterSync()
    {
        if (DateTime.UtcNow < _nextTrim) return;
        _nextTrim = DateTime.UtcNow + options.RetentionCheckInterval;
        var deleted = store.TrimExpired();
        if (deleted > 0) logger.LogInformation("Retention deleted {Count} expired segment(s)", deleted);
    }
}
