using Cronos;

namespace Sandbox.Digest.Scheduling;

/// <summary>
/// When the digest posts: a cron expression (5 fields, or 6 with seconds) in a time zone (Cronos). Each
/// occurrence posts the day before it in that zone, e.g. 09:00 Asia/Tokyo on the 7th posts the 6th.
/// </summary>
public sealed class DigestSchedule
{
    public const string DefaultTimeZone = "Asia/Tokyo";

    private readonly CronExpression _cron;

    private DigestSchedule(CronExpression cron, TimeZoneInfo zone, string expression)
    {
        _cron = cron;
        Zone = zone;
        Expression = expression;
    }

    public TimeZoneInfo Zone { get; }
    public string Expression { get; }

    /// <summary>Throws <see cref="FormatException"/> naming a bad expression or time zone.</summary>
    public static DigestSchedule Parse(string expression, string timeZone)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"--schedule '{expression}' is not a cron expression (minute hour day month weekday, e.g. \"0 9 * * *\"): {e.Message}");
        }
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"--time-zone '{timeZone}' is not a time zone this machine knows (e.g. Asia/Tokyo): {e.Message}");
        }
        return new DigestSchedule(cron, zone, expression);
    }

    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, Zone);

    /// <summary>The day an occurrence reports: the day before it, in the schedule's zone.</summary>
    public DateOnly DigestDay(DateTimeOffset occurrence) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, Zone).Date).AddDays(-1);

    /// <summary>
    /// Waits for each occurrence and runs <paramref name="post"/> for its day, until cancelled (Ctrl+C).
    /// A failed run is reported and the schedule goes on; the next occurrence is computed after each run,
    /// so a run longer than the interval skips the occurrences it overran instead of piling them up.
    /// </summary>
    public async Task RunAsync(Func<DateOnly, CancellationToken, Task> post, Action<string> log, TimeProvider time, CancellationToken ct)
    {
        DateTimeOffset? last = null;
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // A timer may wake a tick early: never run one occurrence twice.
            if (Next(last is { } l && l > now ? l : now) is not { } next)
            {
                log($"digest: '{Expression}' has no further occurrence; stopping");
                return;
            }
            log($"digest: next post at {TimeZoneInfo.ConvertTime(next, Zone):yyyy-MM-dd HH:mm:ss} {Zone.Id} for {DigestDay(next):yyyy-MM-dd}");
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            last = next;
            try
            {
                await post(DigestDay(next), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log($"digest: the post for {DigestDay(next):yyyy-MM-dd} failed: {e.Message}");
            }
        }
    }
}
