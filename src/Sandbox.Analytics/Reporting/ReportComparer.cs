namespace Sandbox.Analytics.Reporting;

/// <summary>Figure-by-figure comparison of the same report computed on two engines.</summary>
internal static class ReportComparer
{
    public static IEnumerable<string> Differences(KpiReport a, KpiReport b)
    {
        var where = $"{a.Source} vs {b.Source}";
        if (!a.Daily.SequenceEqual(b.Daily, DailyEquality.Instance)) yield return $"{where}: daily KPIs differ";
        if (!a.ActiveUsers.SequenceEqual(b.ActiveUsers)) yield return $"{where}: DAU/WAU/MAU differ";
        foreach (var (fa, fb) in a.Funnels.Zip(b.Funnels))
        {
            if (!fa.Totals.SequenceEqual(fb.Totals)) yield return $"{where}: funnel {fa.Definition.Name} differs";
        }
        if (!a.Retention.Cells.SequenceEqual(b.Retention.Cells)) yield return $"{where}: retention differs";
        if (!a.TopSearches.SequenceEqual(b.TopSearches)) yield return $"{where}: top searches differ";
        if (!a.TopSearchedProducts.SequenceEqual(b.TopSearchedProducts)) yield return $"{where}: top searched products differ";
        if (!a.TopClickedProducts.SequenceEqual(b.TopClickedProducts)) yield return $"{where}: top clicked products differ";
    }

    private sealed class DailyEquality : IEqualityComparer<Results.DailyKpiRow>
    {
        public static readonly DailyEquality Instance = new();

        public bool Equals(Results.DailyKpiRow? x, Results.DailyKpiRow? y) =>
            x is not null && y is not null && x.Day == y.Day && x.Events == y.Events && x.Dau == y.Dau
            && x.Counters.Count == y.Counters.Count && x.Counters.All(c => y.Counters.TryGetValue(c.Key, out var v) && v == c.Value);

        public int GetHashCode(Results.DailyKpiRow row) => HashCode.Combine(row.Day, row.Events, row.Dau);
    }
}
