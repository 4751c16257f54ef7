using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Sql;

namespace Sandbox.ReleaseCheck.Sql;

/// <summary>A funnel step as the release check reads it: of the <c>From</c> events, those the user followed with <c>To</c> next.</summary>
public sealed record StepTransition(string Funnel, string From, string To)
{
    public string Name => $"{Funnel}: {From} -> {To}";
}

/// <summary>The release check's queries, in the dialect of the engine they run on.</summary>
internal static class ReleaseSql
{
    /// <summary>
    /// (day, app_version, users): who ran which version when, over the whole events table. The distinct
    /// (day, version, user) triples first, then a count of each: hashing them is half the time of the
    /// count(distinct ..) per group, which sorts every event (PostgreSQL, 3M-event day: docs/BENCHMARKS.md).
    /// </summary>
    public static string VersionDays(SqlDialect sql) => $"""
        select d, app_version, count(*) as users
        from (select distinct {sql.UtcDay("event_time")} as d, app_version, anonymous_id
              from events
              where app_version is not null and anonymous_id is not null) seen
        group by d, app_version
        order by d, app_version
        """;

    /// <summary>
    /// One row per (day, version, new_user) with: users; per metric event the users who did it; per step
    /// transition its From events, those whose next event in the same session was To, and the sums of
    /// their squares and products over user-days (for the clustered variance); installs; users active
    /// again the next day (of all, of installers). Next events: To (app_open, the app starting after an install or a
    /// push, is no action and is skipped). A user-day's version is that of its first event;
    /// new_user marks users with an app_install within the days read. Reads one day past
    /// <paramref name="days"/> so the last day's returns are known. Sums are cast to bigint (DuckDB's would be HUGEINT).
    /// </summary>
    public static string UserDays(DateRange days, IReadOnlyList<string> metricEvents, IReadOnlyList<StepTransition> steps, SqlDialect sql)
    {
        foreach (var e in metricEvents.Concat(steps.SelectMany(s => new[] { s.From, s.To }))) EventNames.EnsureValid(e, "release check metric");
        // Counts with FILTER: the aggregate skips the rows a condition leaves out instead of adding a 0 for each.
        var did = metricEvents.Select((e, i) => $"least(count(*) filter (where event_name = {SqlDialect.Text(e)}), 1) as e{i}");
        var stepped = steps.SelectMany((s, i) => new[]
        {
            $"count(*) filter (where event_name = {SqlDialect.Text(s.From)}) as f{i}",
            $"count(*) filter (where event_name = {SqlDialect.Text(s.From)} and next_name = {SqlDialect.Text(s.To)}) as t{i}",
        });
        var sums = metricEvents.Select((_, i) => $"e{i}")
            .Concat(steps.SelectMany((_, i) => new[] { $"f{i}", $"t{i}", $"f{i} * f{i}", $"t{i} * t{i}", $"f{i} * t{i}" }))
            .Select(c => $"cast(sum({c}) as bigint)");
        return $"""
            with e as (
              select actor, d, event_name, app_version, event_time, case when next1 = 'app_open' then next2 else next1 end as next_name
              from (
                select anonymous_id as actor, {sql.UtcDay("event_time")} as d, event_name, app_version, event_time,
                       lead(event_name, 1) over s as next1, lead(event_name, 2) over s as next2
                from events
                where anonymous_id is not null and event_time >= {sql.Midnight(days.From)} and event_time < {sql.Midnight(days.To.AddDays(2))}
                window s as (partition by anonymous_id, session_id order by event_time, event_id)) ordered),
            user_days as (
              select actor, d, (array_agg(app_version order by event_time))[1] as version,
                     {string.Join(",\n         ", did.Concat(stepped))},
                     least(count(*) filter (where event_name = 'app_install'), 1) as installed
              from e
              group by actor, d),
            marked as (
              select *, lead(d) over (partition by actor order by d) as next_d, max(installed) over (partition by actor) as new_user
              from user_days)
            select d, version, new_user, count(*) as users, {string.Join(", ", sums)},
                   cast(sum(installed) as bigint) as installs,
                   cast(sum(case when next_d = d + 1 then 1 else 0 end) as bigint) as returned,
                   cast(sum(case when installed = 1 and next_d = d + 1 then 1 else 0 end) as bigint) as installs_returned
            from marked
            where d <= {sql.Date(days.To)}
            group by d, version, new_user
            order by d, version, new_user
            """;
    }
}
