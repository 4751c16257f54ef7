using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Sql;

internal static class RangeFilter
{
    /// <summary>event_time within the range's UTC days, optionally starting some days earlier.</summary>
    public static string Events(DateRange range, SqlDialect sql, int daysBefore = 0) =>
        $"event_time >= {sql.Midnight(range.From.AddDays(-daysBefore))} and event_time < {sql.Midnight(range.To.AddDays(1))}";
}
