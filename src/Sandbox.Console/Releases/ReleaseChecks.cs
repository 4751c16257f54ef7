using System.Collections.Concurrent;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Sql;
using Sandbox.ReleaseCheck;

namespace Sandbox.Console.Releases;

/// <summary>A check's answer and when it was computed (pages and the API say its age).</summary>
public sealed record Checked<T>(T Value, DateTimeOffset CheckedAt);

/// <summary>
/// The release check (Sandbox.ReleaseCheck, the same as `sandbox release-check`) on the warehouse as the
/// console's read-only query role. Each check scans its days, so answers are kept per version (or the
/// list) and day range until the warehouse's newest day of events moves (a new load day): a page view
/// costs one index probe per event name, and viewers arriving while a check runs wait for that one.
/// </summary>
public sealed class ReleaseChecks(NpgsqlDataSource warehouse, TimeProvider? clock = null)
{
    /// <summary>Releases the list checks (newest first): each check scans its days, so older ones are checked on their own page.</summary>
    public const int CheckedOnList = 3;

    private const int MostKept = 1_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(string? Version, int Days), Kept> _kept = new();

    /// <summary>A check for the newest day <see cref="Day"/>, started by the first viewer and shared with the others.</summary>
    private sealed record Kept(DateOnly? Day, Lazy<Task<Checked<object>>> Check)
    {
        /// <summary>A failure that says something about the data (unknown version, nothing to compare yet) is an answer too.</summary>
        public bool Usable => !(Check.IsValueCreated && Check.Value.IsFaulted && Check.Value.Exception!.InnerException is not ReleaseCheckException);
    }

    private AnalyticsQueries Queries => new(new WarehouseEngine(warehouse));

    public async Task<Checked<IReadOnlyList<RecentRelease>>> ListAsync(int days, CancellationToken ct)
    {
        var kept = await KeptAsync(null, days, async () => await ReleaseChecker.NewestChecksAsync(Queries, CheckedOnList, days, CancellationToken.None), ct);
        return new((IReadOnlyList<RecentRelease>)kept.Value, kept.CheckedAt);
    }

    public async Task<Checked<ReleaseReport>> CheckAsync(string version, int days, CancellationToken ct)
    {
        var kept = await KeptAsync(version, days, async () => await ReleaseChecker.RunAsync(Queries, version, days, CancellationToken.None), ct);
        return new((ReleaseReport)kept.Value, kept.CheckedAt);
    }

    /// <summary>
    /// The kept answer while the newest day of events is the one it was computed for, else a new check. A
    /// check does not stop when its first viewer leaves (others may wait for it); the statement timeout bounds it.
    /// </summary>
    private async Task<Checked<object>> KeptAsync(string? version, int days, Func<Task<object>> check, CancellationToken ct)
    {
        var day = await NewestDayAsync(ct);
        var key = (version, days);
        Kept Fresh() => new(day, new Lazy<Task<Checked<object>>>(async () => new Checked<object>(await check(), _clock.GetUtcNow())));
        if (_kept.Count >= MostKept) _kept.Clear();
        var kept = _kept.GetOrAdd(key, _ => Fresh());
        while (kept.Day != day || !kept.Usable)
        {
            var fresh = Fresh();
            kept = _kept.TryUpdate(key, fresh, kept) ? fresh : _kept.GetOrAdd(key, _ => Fresh());
        }
        return await kept.Check.Value.WaitAsync(ct);
    }

    /// <summary>
    /// The newest UTC day with events (null: none), from one backward probe of the (event_name, event_time)
    /// index per event name of the tracking plan (events of other names are refused at the door).
    /// </summary>
    public async Task<DateOnly?> NewestDayAsync(CancellationToken ct)
    {
        await using var command = warehouse.CreateCommand(NewestDaySql);
        return await command.ExecuteScalarAsync(ct) switch
        {
            DateOnly day => day,
            DateTime newest => DateOnly.FromDateTime(newest),
            _ => null, // no events
        };
    }

    private static readonly string NewestDaySql =
        "select (max(newest) at time zone 'UTC')::date from (\n"
        + string.Join("\nunion all ", Sandbox.Core.TrackingPlan.TrackingPlanLoader.LoadEmbedded().Events
            .Select(e => $"select max(event_time) as newest from events where event_name = {SqlDialect.Text(e.Name)}"))
        + "\n) probes";

    /// <summary>?days=N as the CLI's --days: a whole number within 1..90, else null with why.</summary>
    public static (int Days, string? Error) ParseDays(string? text)
    {
        if (string.IsNullOrEmpty(text)) return (ReleaseChecker.DefaultDays, null);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 90
            ? (days, null)
            : (0, $"days={text}: give a whole number of days within 1..90");
    }
}
