namespace Sandbox.Load;

/// <summary>One `sandbox load` run as asked on the command line, checked before anything starts.</summary>
public sealed record LoadOptions
{
    /// <summary>Events in the generated day (the generator's diurnal curve) when no <see cref="Day"/> is given.</summary>
    public long Events { get; init; } = 30_000_000;

    /// <summary>A folder `sandbox generate` wrote (with its manifest.json) to replay instead of generating one.</summary>
    public string? Day { get; init; }

    /// <summary>Speed-up of real time (24 = the day in an hour); null = as fast as the stack goes, all lines present at once.</summary>
    public double? Speed { get; init; }

    /// <summary>Shards of the run's stream; null = auto (searches over the peak window, confirms over the whole day).</summary>
    public int? Shards { get; init; } = 4;

    /// <summary>--window peak: replay only the day's busiest <see cref="PeakHours"/> hours (minutes at 24x, not an hour).</summary>
    public bool PeakWindowOnly { get; init; }

    /// <summary>Hours of the peak window (--window peak and the search of --shards auto).</summary>
    public int PeakHours { get; init; } = Sandbox.Load.Day.DayWindow.DefaultHours;

    /// <summary>Kinesis per-shard quotas on the run's stream; on with --speed K, off at --speed max unless asked.</summary>
    public bool Quotas { get; init; }

    public bool Chaos { get; init; }
    public int Seed { get; init; } = 42;

    /// <summary>Mean wall time between two SIGKILLs of the same process under --chaos.</summary>
    public TimeSpan ChaosEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the warehouse stays stopped under --chaos.</summary>
    public TimeSpan WarehouseOutage { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Length of one point of the report's series (a minute; shorter for small runs).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Firehose buffering interval of both delivery streams.</summary>
    public int BufferSeconds { get; init; } = 60;

    /// <summary>No progress at all for this long fails the run (named: what stopped moving).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where load-&lt;timestamp&gt;/ goes.</summary>
    public string ReportsDirectory { get; init; } = ".sandbox/reports";

    /// <summary>Where generated days are kept (reused by the next run of the same size and seed).</summary>
    public string DaysDirectory { get; init; } = ".sandbox/load-days";

    /// <summary>Keep the run's database, stream, buckets and tables afterwards (dropped by default: a 30M day is large).</summary>
    public bool Keep { get; init; }

    /// <summary>The PostgreSQL port --chaos stops (the native stack's POSTGRES_PORT).</summary>
    public int PostgresPort { get; init; } = 5438;

    public string SpeedText => Speed is { } k ? $"{k:0.##}x real time" : "max";
}
