namespace Sandbox.Console.Refresh;

/// <summary>How background refreshes run: the lease a worker renews, how often the scheduler looks, how many at once.</summary>
public sealed record RefreshSettings
{
    /// <summary>A running refresh whose worker has not renewed it for this long is failed ("its worker died").</summary>
    public TimeSpan RunLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the scheduler enqueues due schedules and reclaims dead runs.</summary>
    public TimeSpan SchedulerTick { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A queued refresh no worker took within this time is failed instead of waiting forever.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public int Workers { get; init; } = 2;

    /// <summary>Rows a cached result keeps at most (it says "truncated" past that; downloads of a live run carry all).</summary>
    public int CacheRowCap { get; init; } = 100_000;

    /// <summary>A dashboard widget serves its cached result while it is younger than this (or than the dashboard's auto-refresh), else runs it into the cache.</summary>
    public TimeSpan WidgetFreshFor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Post the KPI digest daily at 09:00 Asia/Tokyo from the scheduler (Digest/DailyDigestTask).</summary>
    public bool DailyDigest { get; init; } = true;

    /// <summary>Off for a console that only serves pages (tests of other parts may turn it off).</summary>
    public bool RunInBackground { get; init; } = true;
}
