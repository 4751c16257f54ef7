using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Results;

/// <param name="Users">Users reaching each step (index 0 = step 1).</param>
public sealed record FunnelRow(DateOnly Day, string? Breakdown, IReadOnlyList<long> Users);

public sealed record FunnelResult(FunnelDefinition Definition, IReadOnlyList<FunnelRow> Rows)
{
    /// <summary>Users per step summed over days and breakdown values (user-days for a day-scoped funnel).</summary>
    public IReadOnlyList<long> Totals => Enumerable.Range(0, Definition.Steps.Count).Select(k => Rows.Sum(r => r.Users[k])).ToList();

    public IReadOnlyList<long> ForDay(DateOnly day) =>
        Enumerable.Range(0, Definition.Steps.Count).Select(k => Rows.Where(r => r.Day == day).Sum(r => r.Users[k])).ToList();

    /// <summary>Conversion from step 1 to each step (1.0 for step 1), null when nobody started.</summary>
    public static IReadOnlyList<double?> Conversion(IReadOnlyList<long> users) =>
        users.Select(u => users[0] == 0 ? (double?)null : (double)u / users[0]).ToList();
}
