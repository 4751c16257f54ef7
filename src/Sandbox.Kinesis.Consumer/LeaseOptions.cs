namespace Sandbox.Kinesis.Consumer;

/// <summary>How a consumer application shares a stream's shards among its workers.</summary>
public sealed record LeaseOptions
{
    /// <summary>KCL's default is 10 s: a lease whose counter has not moved for this long is taken over.</summary>
    public TimeSpan FailoverTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Names the worker in lease_owner. Null (the default) gives each coordinator a fresh id, so
    /// options shared between workers never make two workers one. A fixed id lets a restarted
    /// worker take its own leases back at once.
    /// </summary>
    public string? WorkerId { get; init; }

    public static string NewWorkerId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How often shards are listed (new children after resharding) and leases renewed and taken.</summary>
    public TimeSpan RefreshInterval => FailoverTime / 3;
}
