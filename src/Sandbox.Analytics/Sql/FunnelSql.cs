using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

/// <summary>
/// Renders a funnel to one SQL statement returning (day, breakdown, c0 .. cN-1): users per start day
/// reaching each step. Each event is packed into code = epoch_ms * 32 + step, a single sortable
/// bigint, so "after" is one integer comparison and same-millisecond steps keep their step order.
/// Ordered funnels without a conversion window are one sort and aggregate: each attempt's steps as a
/// string of letters in time order, step k reached when "a%b%..%k" matches (greedy first match is
/// exactly "the steps appear as a subsequence"). With a window, step k is resolved by one
/// whole-partition window per step. No self-joins (docs/FACTS-LOCAL.md: they can get nested-loop plans).
/// </summary>
public static class FunnelSql
{
    private const int StepSlots = 32;

    public static string Render(FunnelDefinition funnel, SqlDialect sql)
    {
        funnel.Validate();
        var attempts = funnel.Order switch
        {
            FunnelOrder.Ordered when funnel.ConversionWindow is null => OrderedPaths(funnel),
            FunnelOrder.Ordered => Ordered(funnel),
            FunnelOrder.Strict => Strict(funnel),
            FunnelOrder.AnyOrder => AnyOrder(funnel),
            _ => throw new ArgumentOutOfRangeException(nameof(funnel), funnel.Order, "unknown funnel order"),
        };
        var counts = string.Join(", ", Enumerable.Range(0, funnel.Steps.Count).Select(k => $"count(*) filter (where reached >= {k + 1}) as c{k}"));
        return $"""
            with base as ({Base(funnel, sql)}),
            {attempts}
            select bucket, breakdown, {counts}
            from attempts where reached >= 1
            group by bucket, breakdown
            order by bucket, breakdown
            """;
    }

    private static string Base(FunnelDefinition f, SqlDialect sql)
    {
        var stepCase = $"case event_name {string.Join(" ", f.Steps.Select((s, i) => $"when {SqlDialect.Text(s)} then {i}"))} else -1 end";
        var onlySteps = f.Order == FunnelOrder.Strict ? "" : $"event_name in ({string.Join(", ", f.Steps.Select(SqlDialect.Text))}) and ";
        var breakdown = f.Breakdown switch
        {
            FunnelBreakdown.Platform => "platform",
            FunnelBreakdown.AppVersion => "app_version",
            _ => "cast(null as varchar)",
        };
        var rangeEnd = sql.Midnight(f.Range.To.AddDays(1));
        return $"""
            select actor, d, breakdown, step, ms * {StepSlots} + (case when step < 0 then {StepSlots - 1} else step end) as code, in_range
            from (
              select anonymous_id as actor, {sql.UtcDay("event_time")} as d, {breakdown} as breakdown, {stepCase} as step,
                     {sql.EpochMs("event_time")} as ms, event_time < {rangeEnd} as in_range
              from events
              where {onlySteps}event_time >= {sql.Midnight(f.Range.From)} and event_time < {ScanEnd(f, sql)}
            ) e
            """;
    }

    /// <summary>Range-scoped attempts may finish up to one conversion window after the range.</summary>
    private static string ScanEnd(FunnelDefinition f, SqlDialect sql)
    {
        var end = f.Range.To.AddDays(1);
        if (f.Scope == FunnelScope.Range && f.ConversionWindow is { } w) end = end.AddDays((int)Math.Ceiling(w.TotalDays));
        return sql.Midnight(end);
    }

    private static string Partition(FunnelDefinition f) => f.Scope == FunnelScope.Day ? "actor, d" : "actor";

    /// <summary>"value is within the conversion window of the attempt starting at start" (start's step bits cleared).</summary>
    private static string InWindow(FunnelDefinition f, string start, string value = "code") => f.ConversionWindow is { } w
        ? $" and {value} < ({start} - {start} % {StepSlots}) + {((long)w.TotalMilliseconds + 1) * StepSlots}"
        : "";

    private static string Ordered(FunnelDefinition f)
    {
        var n = f.Steps.Count;
        var levels = new List<string>
        {
            $"l0 as (select *, min(case when step = 0 and in_range then code end) over p as t0 from base window p as (partition by {Partition(f)}))",
        };
        for (var k = 1; k < n - 1; k++)
            levels.Add($"l{k} as (select *, {NextStep(f, k)} over p as t{k} from l{k - 1} window p as (partition by {Partition(f)}))");
        var reached = string.Join(" + ", Enumerable.Range(0, n).Select(k => $"(case when t{k} is not null then 1 else 0 end)"));
        var carried = string.Join(", ", Enumerable.Range(0, n - 1).Select(k => $"max(t{k}) as t{k}"));
        return $"""
            {string.Join(",\n", levels)},
            resolved as (
              select actor, max(case when code = t0 then d end) as bucket, max(case when code = t0 then breakdown end) as breakdown,
                     {carried}, {NextStep(f, n - 1)} as t{n - 1}
              from l{n - 2} group by {Partition(f)}),
            attempts as (select bucket, breakdown, {reached} as reached from resolved)
            """;
    }

    private static string OrderedPaths(FunnelDefinition f)
    {
        var n = f.Steps.Count;
        var bucket = f.Scope == FunnelScope.Day ? "d" : "min(case when step = 0 then d end)";
        var breakdown = f.Breakdown == FunnelBreakdown.None ? "max(breakdown)" : "(array_agg(breakdown order by code) filter (where step = 0))[1]";
        var reached = string.Join(" + ", Enumerable.Range(0, n).Select(k =>
            $"(case when path like '%{string.Join("%", Enumerable.Range(0, k + 1).Select(StepLetter))}%' then 1 else 0 end)"));
        return $"""
            paths as (
              select {bucket} as bucket, {breakdown} as breakdown, string_agg(chr(97 + step), '' order by code) as path
              from base group by {Partition(f)}),
            attempts as (select bucket, breakdown, {reached} as reached from paths)
            """;
    }

    private static char StepLetter(int step) => (char)('a' + step);

    /// <summary>Greedy first match: the first step-k event after the step k-1 the attempt reached.</summary>
    private static string NextStep(FunnelDefinition f, int k) =>
        $"min(case when step = {k} and code > t{k - 1}{InWindow(f, "t0")} then code end)";

    private static string Strict(FunnelDefinition f)
    {
        var n = f.Steps.Count;
        var leads = string.Join(", ", Enumerable.Range(1, n - 1).Select(k => $"lead(step, {k}) over o as step{k}, lead(code, {k}) over o as code{k}"));
        // 1 + (next event is step 2 ? 1 + (the one after is step 3 ? ...) : 0): the consecutive prefix.
        var reached = "0";
        for (var k = n - 1; k >= 1; k--)
            reached = $"(case when step{k} = {k}{InWindow(f, "code", $"code{k}")} then 1 + {reached} else 0 end)";
        return $"""
            sequenced as (
              select *, min(case when step = 0 and in_range then code end) over p as t0, {leads}
              from base window p as (partition by {Partition(f)}), o as (partition by {Partition(f)} order by code)),
            attempts as (select d as bucket, breakdown, 1 + {reached} as reached from sequenced where code = t0)
            """;
    }

    private static string AnyOrder(FunnelDefinition f)
    {
        var n = f.Steps.Count;
        var firsts = string.Join(" + ", Enumerable.Range(0, n).Select(k =>
            $"(case when min(case when step = {k} and code >= t0{InWindow(f, "t0")} then code end) is not null then 1 else 0 end)"));
        return $"""
            started as (select *, min(case when in_range then code end) over p as t0 from base window p as (partition by {Partition(f)})),
            attempts as (
              select max(case when code = t0 then d end) as bucket, max(case when code = t0 then breakdown end) as breakdown, {firsts} as reached
              from started group by {Partition(f)})
            """;
    }
}
