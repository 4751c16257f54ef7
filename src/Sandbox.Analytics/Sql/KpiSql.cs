using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

/// <summary>The daily KPI row, the top values of a property and the plain event count, as SQL.</summary>
public static class KpiSql
{
    /// <summary>(day, events, dau, one column per <see cref="KpiDefinition.Counters"/> entry).</summary>
    public static string Daily(KpiDefinition kpis, SqlDialect sql)
    {
        var counters = string.Join(",\n       ", KpiDefinition.Counters.Select(c => c.Distinct
            ? $"count(distinct case when event_name = {SqlDialect.Text(c.EventName)} then anonymous_id end) as {c.Name}"
            : $"count(*) filter (where event_name = {SqlDialect.Text(c.EventName)}) as {c.Name}"));
        var day = sql.UtcDay("event_time");
        return $"""
            select {day} as day, count(*) as events, count(distinct anonymous_id) as dau,
                   {counters}
            from events where {RangeFilter.Events(kpis.Range, sql)}
            group by {day}
            order by day
            """;
    }

    /// <summary>(value, count), most frequent first, ties by value.</summary>
    public static string TopValues(TopValuesDefinition top, SqlDialect sql)
    {
        top.Validate();
        var value = sql.Property(top.Property);
        var filter = top.Where is { } where ? $" and {sql.Property(where.Property)} = {SqlDialect.Text(where.Value)}" : "";
        return $"""
            select {value} as value, count(*) as n
            from events
            where event_name = {SqlDialect.Text(top.EventName)} and {RangeFilter.Events(top.Range, sql)} and {value} is not null{filter}
            group by {value}
            order by n desc, value
            limit {top.Limit}
            """;
    }

    public static string EventCount(DateRange range, SqlDialect sql) =>
        $"select count(*) from events where {RangeFilter.Events(range, sql)}";
}
