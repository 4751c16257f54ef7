using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Results;
using Sandbox.Analytics.Sql;
using static Sandbox.Analytics.Engines.RowReader;

namespace Sandbox.Analytics;

/// <summary>Runs definitions on one engine: renders them in its dialect and types the rows.</summary>
public sealed class AnalyticsQueries(IAnalyticsEngine engine)
{
    public IAnalyticsEngine Engine => engine;

    public async Task<FunnelResult> FunnelAsync(FunnelDefinition funnel, CancellationToken ct = default)
    {
        var rows = await engine.QueryAsync(FunnelSql.Render(funnel, engine.Dialect), ct);
        return new FunnelResult(funnel, rows.Select(r => new FunnelRow(
            Day(r[0]), r[1] as string, Enumerable.Range(0, funnel.Steps.Count).Select(k => Count(r[2 + k])).ToList())).ToList());
    }

    public async Task<RetentionResult> RetentionAsync(RetentionDefinition retention, CancellationToken ct = default)
    {
        var rows = await engine.QueryAsync(RetentionSql.Render(retention, engine.Dialect), ct);
        return new RetentionResult(rows.Select(r => new RetentionCell(Day(r[0]), (int)Count(r[1]), Count(r[2]))).ToList());
    }

    public async Task<IReadOnlyList<ActiveUsersRow>> ActiveUsersAsync(DateRange range, CancellationToken ct = default)
    {
        var rows = await engine.QueryAsync(ActiveUsersSql.Render(range, engine.Dialect), ct);
        return rows.Select(r => new ActiveUsersRow(Day(r[0]), Count(r[1]), Count(r[2]), Count(r[3]))).ToList();
    }

    public async Task<IReadOnlyList<DailyKpiRow>> DailyKpisAsync(KpiDefinition kpis, CancellationToken ct = default)
    {
        var rows = await engine.QueryAsync(KpiSql.Daily(kpis, engine.Dialect), ct);
        return rows.Select(r => new DailyKpiRow(Day(r[0]), Count(r[1]), Count(r[2]),
            KpiDefinition.Counters.Select((c, i) => (c.Name, Value: Count(r[3 + i]))).ToDictionary(x => x.Name, x => x.Value))).ToList();
    }

    public async Task<IReadOnlyList<TopValue>> TopValuesAsync(TopValuesDefinition top, CancellationToken ct = default)
    {
        var rows = await engine.QueryAsync(KpiSql.TopValues(top, engine.Dialect), ct);
        return rows.Select(r => new TopValue((string)r[0]!, Count(r[1]))).ToList();
    }

    public async Task<long> EventCountAsync(DateRange range, CancellationToken ct = default) =>
        Count((await engine.QueryAsync(KpiSql.EventCount(range, engine.Dialect), ct))[0][0]);
}
