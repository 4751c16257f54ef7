namespace Sandbox.Generator.Config;

/// <summary>Faults to inject for testing the pipeline's guards; all off by default, each counted in the manifest.</summary>
public sealed record FaultConfig
{
    public static readonly FaultConfig None = new();

    /// <summary>Share of events delivered twice (same line, same event_id).</summary>
    public double DuplicateRate { get; init; }
    /// <summary>Share of events received 10 minutes to 6 hours after they happened (offline clients).</summary>
    public double LateRate { get; init; }
    /// <summary>Share of events preceded by a truncated, unparseable copy of their line (torn write).</summary>
    public double MalformedRate { get; init; }
    /// <summary>Share of user-days whose device clock is off by 2 minutes to 3 hours (event_time only).</summary>
    public double ClockSkewRate { get; init; }
    /// <summary>A release whose clients omit a required property of one event.</summary>
    public PropertyDropFault? DropProperty { get; init; }
    /// <summary>A release whose clients stop sending one event altogether.</summary>
    public EventDropFault? DropEvent { get; init; }

    public bool Any => DuplicateRate > 0 || LateRate > 0 || MalformedRate > 0 || ClockSkewRate > 0
        || DropProperty is not null || DropEvent is not null;
}

/// <param name="Version">App version that ships the bug; null = the first release in the range.</param>
public sealed record PropertyDropFault(string Event, string Property, string? Version = null);

/// <param name="Version">App version that ships the bug; null = the first release in the range.</param>
public sealed record EventDropFault(string Event, string? Version = null);
