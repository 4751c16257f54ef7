using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Results;
using Sandbox.ReleaseCheck.Reporting;

namespace Sandbox.Digest.Data;

/// <summary>A figure on the digest's day with the same figure a day and a week earlier (null: no data then).</summary>
public sealed record Compared(double? Today, double? DayBefore, double? WeekBefore);

/// <param name="Users">Attempts reaching the first and the last step on the day.</param>
public sealed record FunnelFigure(string Name, IReadOnlyList<string> Steps, long Started, long Completed, Compared Conversion);

/// <summary>Everything the digest shows, as read from the warehouse for one UTC day.</summary>
public sealed record DigestData(
    DateOnly Day,
    string Source,
    long Events,
    Compared Dau,
    Compared Wau,
    Compared Mau,
    IReadOnlyList<ActiveUsersRow> Trend,
    IReadOnlyList<FunnelFigure> Funnels,
    Compared DayOneRetention,
    long RetentionCohortSize,
    IReadOnlyList<TopValue> TopSearches,
    IReadOnlyList<TopValue> TopProducts,
    ProductNames Products,
    IReadOnlyList<ReleaseSummary> Releases);
