using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

/// <summary>
/// Renders (day, dau, wau, mau). A user's active day counts for the days from it up to (not including) the
/// user's next active day, at most 30: so every (user, day) is counted once, from the user's latest active
/// day on or before it, and plain counts give the figures (DAU: that day is the day itself; WAU: it is less
/// than 7 days before). No count(distinct ..): over a month of data it would sort up to 30 spread rows per
/// user-day for each day; here only the user-days are sorted, once. They are a GROUP BY, not a DISTINCT, so
/// PostgreSQL can aggregate them in parallel workers (with warehouse migration 0013's statistics it does:
/// docs/BENCHMARKS.md, "Slack digest").
/// </summary>
public static class ActiveUsersSql
{
    public const int MonthDays = 30;
    private const int WeekDays = 7;

    public static string Render(DateRange range, SqlDialect sql)
    {
        var offsets = string.Join(", ", Enumerable.Range(0, MonthDays).Select(o => $"({o})"));
        // count(actor): a null anonymous_id still marks its day as one with events, but is no user.
        return $"""
            with active as (
              select anonymous_id as actor, {sql.UtcDay("event_time")} as d
              from events where {RangeFilter.Events(range, sql, MonthDays - 1)}
              group by anonymous_id, {sql.UtcDay("event_time")}),
            runs as (select actor, d, lead(d) over (partition by actor order by d) as next_d from active),
            spread as (
              select actor, d + o as day, o
              from runs cross join (values {offsets}) as offsets(o)
              where next_d is null or d + o < next_d)
            select day, count(actor) filter (where o = 0) as dau,
                   count(actor) filter (where o < {WeekDays}) as wau, count(actor) as mau
            from spread
            where day between {sql.Date(range.From)} and {sql.Date(range.To)}
            group by day
            order by day
            """;
    }
}
