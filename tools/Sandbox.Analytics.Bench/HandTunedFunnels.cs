using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Sql;

namespace Sandbox.Analytics.Bench;

/// <summary>
/// Hand-written queries for a day-scoped ordered funnel, the baselines the rendered SQL is measured
/// against. Each returns (day, c0 .. cN-1) like the rendered query. The join chain and the window flags
/// are other approaches than the rendered one; string_agg + regex is the rendered query's own shape.
/// </summary>
internal static class HandTunedFunnels
{
    /// <summary>Per-step aggregates chained by hash joins: each step only reads its own event's rows.</summary>
    public static string JoinChain(FunnelDefinition f)
    {
        var (from, to) = Bounds(f);
        var day = "(event_time at time zone 'UTC')::date";
        var steps = new List<string>
        {
            $"s0 as (select anonymous_id as a, {day} as d, min(event_time) as t0 from events where event_name = '{f.Steps[0]}' and event_time >= {from} and event_time < {to} group by 1, 2)",
        };
        for (var k = 1; k < f.Steps.Count; k++)
        {
            var carried = string.Join(", ", Enumerable.Range(0, k).Select(i => $"p.t{i}"));
            steps.Add($"""
                s{k} as (select p.a, p.d, {carried}, min(e.event_time) as t{k}
                  from s{k - 1} p left join events e
                    on e.anonymous_id = p.a and e.event_name = '{f.Steps[k]}' and e.event_time > p.t{k - 1}
                   and e.event_time < ((p.d + 1)::timestamp at time zone 'UTC')
                  group by p.a, p.d, {carried})
                """);
        }
        var counts = string.Join(", ", Enumerable.Range(0, f.Steps.Count).Select(k => $"count(t{k})"));
        return $"with {string.Join(",\n", steps)}\nselect d, {counts} from s{f.Steps.Count - 1} group by d order by d";
    }

    /// <summary>
    /// One sort: each user-day's steps as a string in time order; reaching step k is the steps
    /// 1..k appearing as a subsequence, i.e. a regular expression match.
    /// </summary>
    public static string StringAggRegex(FunnelDefinition f)
    {
        var (from, to) = Bounds(f);
        var stepCase = $"case event_name {string.Join(" ", f.Steps.Select((s, i) => $"when '{s}' then '{(char)('a' + i)}'"))} end";
        var counts = string.Join(", ", Enumerable.Range(0, f.Steps.Count).Select(k =>
            $"count(*) filter (where path ~ '{string.Join(".*", Enumerable.Range(0, k + 1).Select(i => (char)('a' + i)))}')"));
        return $"""
            select d, {counts}
            from (
              select anonymous_id, (event_time at time zone 'UTC')::date as d, string_agg({stepCase}, '' order by event_time) as path
              from events
              where event_name in ({string.Join(", ", f.Steps.Select(s => $"'{s}'"))}) and event_time >= {from} and event_time < {to}
              group by 1, 2) paths
            group by d order by d
            """;
    }

    /// <summary>
    /// Window functions, one sort order: per user-day in time order, r0 = "step 0 seen so far" and
    /// rk = "a step-k event seen after rk-1 held" (a running bool_or per step over the same ordering,
    /// so the planner can stack the windows on one sort). Reaching step k is rk at the day's end.
    /// Ties in time order by step, as the rendered query's code (epoch_ms * 32 + step) does.
    /// </summary>
    public static string WindowFlags(FunnelDefinition f, SqlDialect sql)
    {
        var window = "window w as (partition by a, d order by t, step rows between unbounded preceding and current row)";
        var stepCase = $"case event_name {string.Join(" ", f.Steps.Select((s, i) => $"when {SqlDialect.Text(s)} then {i}"))} end";
        var levels = new List<string> { $"f0 as (select *, bool_or(step = 0) over w as r0 from s {window})" };
        for (var k = 1; k < f.Steps.Count; k++)
            levels.Add($"f{k} as (select *, bool_or(step = {k} and r{k - 1}) over w as r{k} from f{k - 1} {window})");
        var flags = string.Join(", ", Enumerable.Range(0, f.Steps.Count).Select(k => $"bool_or(r{k}) as r{k}"));
        var counts = string.Join(", ", Enumerable.Range(0, f.Steps.Count).Select(k => $"count(*) filter (where r{k})"));
        return $"""
            with s as (
              select anonymous_id as a, {sql.UtcDay("event_time")} as d, event_time as t, {stepCase} as step
              from events
              where event_name in ({string.Join(", ", f.Steps.Select(SqlDialect.Text))})
                and event_time >= {sql.Midnight(f.Range.From)} and event_time < {sql.Midnight(f.Range.To.AddDays(1))}),
            {string.Join(",\n", levels)},
            users as (select d, {flags} from f{f.Steps.Count - 1} group by a, d)
            select d, {counts} from users where r0 group by d order by d
            """;
    }

    private static (string From, string To) Bounds(FunnelDefinition f) =>
        ($"timestamptz '{f.Range.From:yyyy-MM-dd} 00:00:00+00'", $"timestamptz '{f.Range.To.AddDays(1):yyyy-MM-dd} 00:00:00+00'");
}
