using Sandbox.Analytics;
using Sandbox.Analytics.Definitions;
using Sandbox.ReleaseCheck.Sql;
using Sandbox.ReleaseCheck.Statistics;
using static Sandbox.Analytics.Engines.RowReader;

namespace Sandbox.ReleaseCheck;

/// <summary>A version seen in the events: when it was released and which version it replaced.</summary>
public sealed record ReleaseInfo(string Version, DateOnly ReleaseDay, string? PreviousVersion);

/// <summary>A release with its check, or why it cannot be compared yet (both null: not checked).</summary>
public sealed record RecentRelease(ReleaseInfo Release, ReleaseReport? Report, string? NotYet);

/// <summary>
/// Did a release help or hurt? Each KPI (as a rate per active user, since the number of users on a
/// version grows with the rollout) and each funnel step's conversion, for users on the version against
/// users on the previous version over the same days, and before against after the release day.
/// </summary>
public static class ReleaseChecker
{
    public const int DefaultDays = 7;
    public const string MissingVersion = "--version: give the app version to check, e.g. 5.11.0";
    public const double DefaultFamilyConfidence = 0.95;

    /// <summary>A version is released on the first day at least this share of the day's users runs it (a skewed clock is no release).</summary>
    public const double ReleaseShare = 0.01;

    /// <summary>Days with fewer users than this share of the busiest day's are edges of the data (sessions past the last midnight), not days to compare.</summary>
    public const double FullDayShare = 0.1;

    /// <summary>Every version in the events with its release day, oldest first (the oldest has no previous version).</summary>
    public static async Task<IReadOnlyList<ReleaseInfo>> ReleasesAsync(AnalyticsQueries queries, CancellationToken ct = default) =>
        (await VersionDaysAsync(queries, ct)).Releases;

    /// <summary>Releases (with a previous version to compare) whose release day falls within the <paramref name="days"/> days ending on <paramref name="day"/>: what a digest of that day reports.</summary>
    public static async Task<IReadOnlyList<ReleaseInfo>> RecentReleasesAsync(AnalyticsQueries queries, DateOnly day, int days = DefaultDays, CancellationToken ct = default) =>
        Recent(await ReleasesAsync(queries, ct), day, days);

    private static IReadOnlyList<ReleaseInfo> Recent(IReadOnlyList<ReleaseInfo> releases, DateOnly day, int days) =>
        releases.Where(r => r.PreviousVersion is not null && r.ReleaseDay <= day && r.ReleaseDay > day.AddDays(-days)).ToList();

    public static async Task<ReleaseReport> RunAsync(AnalyticsQueries queries, string version, int days = DefaultDays, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(version)) throw new ReleaseCheckException(MissingVersion);
        if (days is < 1 or > 90) throw new ReleaseCheckException($"--days {days}: must be within 1..90");
        return await CheckAsync(queries, await VersionDaysAsync(queries, ct), version, days, ct);
    }

    /// <summary>
    /// The check of each release in the <paramref name="days"/> days ending on <paramref name="day"/> (what a digest of that day
    /// reports), reading the versions once; a release too recent to compare carries why instead of a report.
    /// </summary>
    public static async Task<IReadOnlyList<RecentRelease>> RecentChecksAsync(AnalyticsQueries queries, DateOnly day, int days = DefaultDays, CancellationToken ct = default)
    {
        var seen = await VersionDaysAsync(queries, ct);
        return await ChecksAsync(queries, seen, Recent(seen.Releases, day, days), days, ct);
    }

    /// <summary>
    /// Every version in the events, newest first (what the console's release list shows), reading the versions once:
    /// the <paramref name="newest"/> newest releases with a previous version carry their check (or why there is none
    /// yet); older ones and the oldest version carry neither (each check is one scan of its days).
    /// </summary>
    public static async Task<IReadOnlyList<RecentRelease>> NewestChecksAsync(AnalyticsQueries queries, int newest, int days = DefaultDays, CancellationToken ct = default)
    {
        var seen = await VersionDaysAsync(queries, ct);
        var checkedOnes = seen.Releases.Where(r => r.PreviousVersion is not null).Reverse().Take(newest).ToList();
        var checks = (await ChecksAsync(queries, seen, checkedOnes, days, ct)).ToDictionary(c => c.Release.Version);
        return seen.Releases.Reverse().Select(r => checks.GetValueOrDefault(r.Version) ?? new RecentRelease(r, null, null)).ToList();
    }

    private static async Task<IReadOnlyList<RecentRelease>> ChecksAsync(AnalyticsQueries queries, VersionDays seen, IEnumerable<ReleaseInfo> releases, int days, CancellationToken ct)
    {
        var checks = new List<RecentRelease>();
        foreach (var release in releases)
        {
            try { checks.Add(new RecentRelease(release, await CheckAsync(queries, seen, release.Version, days, ct), null)); }
            catch (ReleaseCheckException notYet) { checks.Add(new RecentRelease(release, null, notYet.Message)); }
        }
        return checks;
    }

    private static async Task<ReleaseReport> CheckAsync(AnalyticsQueries queries, VersionDays seen, string version, int days, CancellationToken ct)
    {
        var release = seen.Releases.FirstOrDefault(r => r.Version == version)
            ?? throw new UnknownVersionException(version, $"version '{version}': no events carry it; versions in the {queries.Engine.Name}: {string.Join(", ", seen.Releases.Select(r => r.Version))}");
        var previous = release.PreviousVersion
            ?? throw new ReleaseCheckException($"version '{version}' is the oldest in the {queries.Engine.Name} (since {release.ReleaseDay:yyyy-MM-dd}): no previous version to compare it with");

        if (release.ReleaseDay > seen.LastDay)
            throw new ReleaseCheckException($"version '{version}' was released on {release.ReleaseDay:yyyy-MM-dd}, after the last full day of data ({seen.LastDay:yyyy-MM-dd}): nothing to compare yet");
        var after = new DateRange(release.ReleaseDay, Min(release.ReleaseDay.AddDays(days - 1), seen.LastDay));
        DateRange? before = release.ReleaseDay > seen.FirstDay ? new DateRange(Max(release.ReleaseDay.AddDays(-days), seen.FirstDay), release.ReleaseDay.AddDays(-1)) : null;
        var groups = new Groups(version, previous, after, before, seen.LastDay);
        var samples = await SamplesAsync(queries, groups, ct);

        var versionConfidence = TwoProportionTest.PerComparisonConfidence(DefaultFamilyConfidence, samples.Count(p => HasData(p.Versions)));
        var timeConfidence = TwoProportionTest.PerComparisonConfidence(DefaultFamilyConfidence, samples.Count(p => HasData(p.Times)));
        var metrics = samples.Select(p => new MetricCheck(p.Name, p.Kind, p.Description,
            TwoProportionTest.Compare(p.Versions.Item1, p.Versions.Item2, versionConfidence),
            TwoProportionTest.Compare(p.Times.Item1, p.Times.Item2, timeConfidence))).ToList();
        return new ReleaseReport(version, previous, release.ReleaseDay, after, before, DefaultFamilyConfidence, metrics);
    }

    /// <summary>The funnels' steps (the generator's funnels, as the report's), each as a transition from the step before.</summary>
    public static IReadOnlyList<StepTransition> Steps { get; } = Generator.Config.FunnelDefinition.Defaults
        .SelectMany(f => f.Steps.Skip(1).Select((step, k) => new StepTransition(f.Name, f.Steps[k], step))).ToList();

    private static bool HasData((Proportion A, Proportion B) pair) => pair.A.Trials > 0 && pair.B.Trials > 0;

    private static async Task<VersionDays> VersionDaysAsync(AnalyticsQueries queries, CancellationToken ct)
    {
        var rows = (await queries.Engine.QueryAsync(ReleaseSql.VersionDays(queries.Engine.Dialect), ct))
            .Select(r => (Day: Day(r[0]), Version: (string)r[1]!, Users: Count(r[2]))).ToList();
        if (rows.Count == 0) throw new ReleaseCheckException($"the {queries.Engine.Name} holds no events with an app_version: nothing to check (run make demo, or load events first)");
        var dayUsers = rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.Users));
        var releases = new List<ReleaseInfo>();
        string? previous = null;
        foreach (var version in rows.Select(r => r.Version).Distinct().Order(AppVersionOrder.Instance))
        {
            var own = rows.Where(r => r.Version == version).ToList();
            var day = own.FirstOrDefault(r => r.Users >= ReleaseShare * dayUsers[r.Day]).Day is var d && d != default ? d : own[0].Day;
            releases.Add(new ReleaseInfo(version, day, previous));
            previous = version;
        }
        // A day a few sessions spilled into past the last midnight is no day of data (it would read as everyone leaving).
        var busiest = dayUsers.Values.Max();
        var full = dayUsers.Where(d => d.Value >= FullDayShare * busiest).Select(d => d.Key).ToList();
        return new VersionDays(releases, full.Min(), full.Max());
    }

    private static async Task<IReadOnlyList<Samples>> SamplesAsync(AnalyticsQueries queries, Groups groups, CancellationToken ct)
    {
        var counters = KpiDefinition.Counters.Where(c => !c.Distinct).ToList();
        var sql = ReleaseSql.UserDays(groups.Read, counters.Select(c => c.EventName).ToList(), Steps, queries.Engine.Dialect);
        var n = counters.Count;
        var rows = (await queries.Engine.QueryAsync(sql, ct)).Select(r => new UserDayRow(
            Day(r[0]), r[1] as string, Count(r[2]) == 1, Count(r[3]),
            Enumerable.Range(0, n).Select(i => Count(r[4 + i])).ToArray(),
            Enumerable.Range(0, Steps.Count).Select(i => 4 + n + 5 * i)
                .Select(c => new Proportion(Count(r[c + 1]), Count(r[c]), Count(r[c + 3]), Count(r[c + 2]), Count(r[c + 4]))).ToArray(),
            Count(r[4 + n + 5 * Steps.Count]), Count(r[5 + n + 5 * Steps.Count]), Count(r[6 + n + 5 * Steps.Count]))).ToList();

        var result = counters.Select((c, i) => Kpi(c.Name, $"share of active users with a {c.EventName} event", rows, groups, r => Proportion.Binomial(r.Did[i], r.Users))).ToList();
        // Coming back needs the next day in the data: the last day's users are not counted.
        result.Add(Kpi("next_day_return", "share of active users active again the next day", rows, groups,
            r => groups.HasNextDay(r.Day) ? Proportion.Binomial(r.Returned, r.Users) : default));
        result.Add(Kpi("day1_retention", "share of a day's installs active the next day", rows, groups,
            r => groups.HasNextDay(r.Day) ? Proportion.Binomial(r.InstallsReturned, r.Installs) : default));
        result.AddRange(Steps.Select((s, i) => new Samples(s.Name, MetricKind.FunnelStep, $"share of {s.From} events whose next action (same session) is {s.To}",
            groups.ByVersion(rows, r => r.Steps[i]), groups.ByTime(rows, r => r.Steps[i]))));
        return result;
    }

    private static Samples Kpi(string name, string description, List<UserDayRow> rows, Groups groups, Func<UserDayRow, Proportion> of) =>
        new(name, MetricKind.Kpi, description, groups.ByVersion(rows, of), groups.ByTime(rows, of));

    private static Proportion Sum<T>(IEnumerable<T> rows, Func<T, Proportion> of) => rows.Select(of).Aggregate(default(Proportion), (a, b) => a + b);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A metric's two comparisons as counts, candidate first: (version, previous) and (after, before).</summary>
    private sealed record Samples(string Name, MetricKind Kind, string Description, (Proportion, Proportion) Versions, (Proportion, Proportion) Times);

    private sealed record VersionDays(IReadOnlyList<ReleaseInfo> Releases, DateOnly FirstDay, DateOnly LastDay);

    private sealed record UserDayRow(DateOnly Day, string? Version, bool NewUser, long Users, long[] Did, Proportion[] Steps, long Installs, long Returned, long InstallsReturned);

    /// <summary>Which user-days fall on which side of each comparison.</summary>
    private sealed record Groups(string Version, string Previous, DateRange After, DateRange? Before, DateOnly LastDay)
    {
        /// <summary>Every day either comparison reads.</summary>
        public DateRange Read => new(Before?.From ?? After.From, After.To);

        public bool HasNextDay(DateOnly day) => day < LastDay;

        /// <summary>
        /// Established users (no install within the days read) on the version against those on the previous one,
        /// same days. New users land on the newest version only, and act differently in their first days.
        /// </summary>
        public (Proportion, Proportion) ByVersion(IEnumerable<UserDayRow> rows, Func<UserDayRow, Proportion> of)
        {
            var existing = rows.Where(r => !r.NewUser && After.Contains(r.Day)).ToList();
            return (Sum(existing.Where(r => r.Version == Version), of), Sum(existing.Where(r => r.Version == Previous), of));
        }

        /// <summary>Every user from the release day on against every user before it.</summary>
        public (Proportion, Proportion) ByTime(IEnumerable<UserDayRow> rows, Func<UserDayRow, Proportion> of) =>
            (Sum(rows.Where(r => After.Contains(r.Day)), of), Sum(rows.Where(r => Before?.Contains(r.Day) == true), of));
    }
}
