using Sandbox.Generator.Config;
using Sandbox.Generator.Faults;

namespace Sandbox.Generator.Truth;

/// <summary>
/// Ground truth written next to the output as manifest.json. Counts are by TRUE event time in UTC
/// (clock skew only changes what event_time says): a pipeline that drops malformed lines and
/// deduplicates on event_id reproduces events_by_hour exactly, whatever faults were injected.
/// </summary>
public sealed record GenerationTruth
{
    public const string FileName = "manifest.json";
    public const string StatusInProgress = "in_progress";
    public const string StatusComplete = "complete";

    public string Generator { get; init; } = "Sandbox.Generator";
    public int GeneratorVersion { get; init; } = ConfigJson.GeneratorVersion;
    public required string Status { get; init; }
    public required string Fingerprint { get; init; }
    public required ulong Seed { get; init; }
    public required string TrackingPlanVersion { get; init; }
    public required string Sink { get; init; }
    public required GeneratorConfig Config { get; init; }
    public string Definitions { get; init; } =
        "Counts by true event time (UTC). distinct_users: users with >= 1 event that day. funnels: users completing steps in order within the day (greedy first match), step 1 first. retention: users of the install-day cohort with >= 1 event N days later. lines = events + duplicate_lines + malformed_lines.";
    public IReadOnlyList<AppVersionRelease> AppVersions { get; init; } = [];
    public TruthTotals? Totals { get; init; }
    /// <summary>Event log files only (what a shipper tails).</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];
    /// <summary>Dimension tables, when asked for (config write_dimensions).</summary>
    public IReadOnlyList<OutputFile> Dimensions { get; init; } = [];
    public IReadOnlyList<TruthDay> Days { get; init; } = [];
    public IReadOnlyList<TruthCohort> Retention { get; init; } = [];
    public FaultCounts? Faults { get; init; }
    /// <summary>The app (service) database, when the "appdb" output filled it.</summary>
    public AppDatabaseTruth? AppDatabase { get; init; }
}

/// <param name="Effect">The behaviour change the release brought, when its config gave one.</param>
public sealed record AppVersionRelease(string Version, DateOnly? Released, TruthReleaseEffect? Effect = null);

/// <summary>Users on the version take <paramref name="Step"/> after the funnel's previous step with probability <paramref name="To"/> instead of <paramref name="From"/>.</summary>
public sealed record TruthReleaseEffect(string Funnel, string Step, double From, double To);

public sealed record TruthTotals(long Events, long Lines, int Files, long Bytes);

public sealed record OutputFile(string Path, long Lines, long Bytes);

public sealed record TruthDay(
    DateOnly Date,
    bool Partial,
    long Events,
    long DistinctUsers,
    long Installs,
    IReadOnlyDictionary<string, long> EventsByName,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> EventsByHour,
    IReadOnlyDictionary<string, IReadOnlyList<long>> Funnels);

public sealed record TruthCohort(DateOnly InstallDate, long CohortSize, IReadOnlyDictionary<string, long> RetainedByDay, double? Day1Rate, double? Day7Rate, double? Day30Rate);
