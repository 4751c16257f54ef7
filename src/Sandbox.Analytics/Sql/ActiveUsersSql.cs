using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

/// <summary>
/// Renders (day, dau, wau, mau): each active user-day is spread over the 30 days whose trailing
/// window contains it, so one distinct count per day gives all three figures.
/// </summary>
public static class ActiveUsersSql
{
    public const int MonthDays = 30;
    private const int WeekDays = 7;

    public static string Render(DateRange range, SqlDialect sql)
    {
        var offsets = string.Join(", ", Enumerable.Range(0, MonthDays).Select(o => $"({o})"));
        return $"""
            with active as (
              select distinct anonymous_id as actor, {sql.UtcDay("event_time")} as d
              from events where {RangeFilter.Events(range, sql, MonthDays - 1)}),
            spread as (select actor, d + o as day, o from active cross join (values {offsets}) as offsets(o))
            select day, count(distinct case when o = 0 then actor end) as dau,
                   count(distinct case when o < {WeekDays} then actor end) as wau, count(distinct actor) as mau
            from spread
            where day between {sql.Date(range.From)} and {sql.Date(range.To)}
            group by day
            order by day
            """;
    }
}
