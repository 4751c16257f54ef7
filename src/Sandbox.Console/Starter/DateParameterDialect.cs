using System.Globalization;
using Sandbox.Analytics.Sql;

namespace Sandbox.Console.Starter;

/// <summary>
/// PostgreSQL as the report renders it, except that every day becomes an offset from the date
/// parameters <c>{{ from }}</c> and <c>{{ to }}</c>: the definitions are rendered for two anchor
/// days far apart, and each day they compute (MAU's 29 days back, retention's cohort the day
/// before, a funnel's scan end) is spelled relative to the nearer anchor. The SQL stays the
/// report's own; only its range becomes the dashboard's.
/// </summary>
public sealed class DateParameterDialect : SqlDialect
{
    public const string From = "from";
    public const string To = "to";

    /// <summary>The range to render definitions for: its days map onto the parameters.</summary>
    public static readonly Analytics.Definitions.DateRange Anchors = new(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1));

    public override string Name => Postgres.Name;
    public override string UtcDay(string timestamp) => Postgres.UtcDay(timestamp);
    public override string EpochMs(string timestamp) => Postgres.EpochMs(timestamp);
    public override string DaysBetween(string from, string to) => Postgres.DaysBetween(from, to);

    public override string Midnight(DateOnly day) => $"({Date(day)}::timestamp at time zone 'UTC')";

    public override string Date(DateOnly day)
    {
        var fromOffset = day.DayNumber - Anchors.From.DayNumber;
        var toOffset = day.DayNumber - Anchors.To.DayNumber;
        var (name, offset) = Math.Abs(fromOffset) <= Math.Abs(toOffset) ? (From, fromOffset) : (To, toOffset);
        if (Math.Abs(offset) > 3_650)
            throw new ArgumentOutOfRangeException(nameof(day), day, "a rendered day is not near either anchor: render with DateParameterDialect.Anchors");
        var parameter = $"{{{{ {name} }}}}";
        return offset switch
        {
            0 => $"({parameter})",
            > 0 => $"({parameter} + {offset.ToString(CultureInfo.InvariantCulture)})",
            _ => $"({parameter} - {(-offset).ToString(CultureInfo.InvariantCulture)})",
        };
    }
}
