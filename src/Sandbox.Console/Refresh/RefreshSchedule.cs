using System.Globalization;
using Cronos;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Refresh;

/// <summary>
/// When a saved query refreshes: every N minutes, or daily at HH:MM in a time zone (Asia/Tokyo by
/// default, the company's clock). The daily form is a cron expression evaluated by Cronos in that
/// zone, so a daylight-saving zone keeps its wall-clock time.
/// </summary>
public sealed record RefreshSchedule(int? EveryMinutes, string? DailyAt, string TimeZone = RefreshSchedule.Tokyo)
{
    public const string Tokyo = "Asia/Tokyo";

    /// <summary>Refuses a schedule that is neither or both kinds, an interval out of range, a bad HH:MM or an unknown zone.</summary>
    public void Check()
    {
        if (EveryMinutes is null == DailyAt is null)
            throw new QueryInputException("a schedule is either everyMinutes (1 to 10080) or dailyAt (HH:MM), exactly one of them");
        if (EveryMinutes is < 1 or > 10080)
            throw new QueryInputException($"everyMinutes is {EveryMinutes}: use 1 to 10080 (a week)");
        if (DailyAt != null) _ = Time();
        _ = Zone();
    }

    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        if (EveryMinutes is { } minutes) return after.ToUniversalTime().AddMinutes(minutes);
        var time = Time();
        var cron = CronExpression.Parse($"{time.Minute} {time.Hour} * * *");
        // Cronos answers in the zone's offset; PostgreSQL's timestamptz takes UTC only.
        return cron.GetNextOccurrence(after, Zone())?.ToUniversalTime()
            ?? throw new InvalidOperationException($"'{DailyAt}' has no next occurrence after {after:O}");
    }

    public string Describe() => EveryMinutes is { } minutes
        ? minutes == 1 ? "every minute" : $"every {minutes} minutes"
        : $"daily at {DailyAt} {TimeZone}";

    private TimeOnly Time() =>
        TimeOnly.TryParseExact(DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new QueryInputException($"dailyAt '{DailyAt}' is not a time of the form HH:MM (00:00 to 23:59)");

    private TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new QueryInputException($"time zone '{TimeZone}' is unknown: use an IANA name such as Asia/Tokyo");
        }
    }
}
