using System.Net;

namespace Sandbox.DynamoDb.Server.Hosting;

/// <summary>How one engine runs: where it listens and where it keeps its tables.</summary>
public sealed record EngineOptions(IPAddress Host, int Port, string DataDirectory)
{
    /// <summary>Group commit: acknowledged writes are in the OS at once and fsynced (a WAL checkpoint) at most this much later.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
