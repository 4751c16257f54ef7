using System.Net;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>How one engine runs: where it listens, where it keeps data, whether quotas are enforced.</summary>
public sealed record EngineOptions(IPAddress Host, int Port, string DataDirectory, bool LimitsEnforced)
{
    /// <summary>Group commit: acknowledged writes are in the OS at once and fsynced at most this much later.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often retention deletes expired segments.</summary>
    public TimeSpan RetentionCheckInterval { get; init; } = TimeSpan.FromMinutes(1);
}
