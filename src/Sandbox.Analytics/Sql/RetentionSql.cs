using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

/// <summary>Renders (cohort day, age, users): one pass over user-days and one window for each user's cohort day.</summary>
public static class RetentionSql
{
    public static string Render(RetentionDefinition retention, SqlDialect sql)
    {
        retention.Validate();
        var age = sql.DaysBetween("cohort", "d");
        return $"""
            with activity as (
              select anonymous_id as actor, {sql.UtcDay("event_time")} as d,
                     max(case when event_name = {SqlDialect.Text(retention.CohortEvent)} then 1 else 0 end) as cohort_event
              from events
              where {RangeFilter.Events(retention.Range, sql)}
              group by anonymous_id, {sql.UtcDay("event_time")}),
            tagged as (select actor, d, min(case when cohort_event = 1 then d end) over (partition by actor) as cohort from activity)
            select cohort, {age} as age, count(*) as users
            from tagged
            where cohort is not null and d >= cohort and {age} <= {retention.MaxAge}
            group by cohort, {age}
            order by cohort, age
            """;
    }
}
