namespace Sandbox.Analytics.Results;

public sealed record RetentionCell(DateOnly Cohort, int Age, long Users);

public sealed record RetentionResult(IReadOnlyList<RetentionCell> Cells)
{
    public long CohortSize(DateOnly cohort) => Cells.FirstOrDefault(c => c.Cohort == cohort && c.Age == 0)?.Users ?? 0;

    public long Retained(DateOnly cohort, int age) => Cells.FirstOrDefault(c => c.Cohort == cohort && c.Age == age)?.Users ?? 0;

    public IEnumerable<DateOnly> Cohorts => Cells.Select(c => c.Cohort).Distinct().Order();

    /// <summary>Share of the cohort active again after <paramref name="age"/> days; null for an empty cohort.</summary>
    public double? Rate(DateOnly cohort, int age) => CohortSize(cohort) is var size and > 0 ? (double)Retained(cohort, age) / size : null;
}

public sealed record ActiveUsersRow(DateOnly Day, long Dau, long Wau, long Mau);

/// <param name="Counters">Values by <see cref="Definitions.KpiDefinition.Counters"/> name.</param>
public sealed record DailyKpiRow(DateOnly Day, long Events, long Dau, IReadOnlyDictionary<string, long> Counters);

public sealed record TopValue(string Value, long Count);
