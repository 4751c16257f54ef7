using Npgsql;
using Sandbox.Console.Refresh;

namespace Sandbox.Console.Digest;

/// <summary>Posts the KPI digest of a day (the Slack digest builder, src/Sandbox.Digest).</summary>
public interface IDailyDigest
{
    /// <returns>What happened, for the task's record (e.g. "posted to #kpi-digest" or "no data for 2026-12-05").</returns>
    Task<string> PostAsync(DateOnly day, CancellationToken ct);
}

/// <summary>
/// The daily digest from the console's scheduler: at 09:00 Asia/Tokyo the digest of the Tokyo day
/// that just ended. The next time is kept in console.scheduled_tasks, so a restart neither skips nor repeats it.
/// </summary>
public sealed class DailyDigestTask(NpgsqlDataSource state, IDailyDigest digest, ILogger<DailyDigestTask> log) : IScheduledTask
{
    public const string Name = "daily-digest";
    public static readonly RefreshSchedule At = new(null, "09:00", RefreshSchedule.Tokyo);

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using (var first = state.CreateCommand("insert into console.scheduled_tasks (name, next_run_at) values ($1, $2) on conflict do nothing"))
        {
            first.Parameters.Add(new() { Value = Name });
            first.Parameters.Add(new() { Value = At.NextAfter(now) });
            await first.ExecuteNonQueryAsync(ct);
        }
        await using var take = state.CreateCommand(
            """
            with due as (select next_run_at from console.scheduled_tasks where name = $1 and next_run_at <= $2 for update skip locked)
            update console.scheduled_tasks t set next_run_at = $3 from due where t.name = $1 returning due.next_run_at
            """);
        take.Parameters.Add(new() { Value = Name });
        take.Parameters.Add(new() { Value = now });
        take.Parameters.Add(new() { Value = At.NextAfter(now) });
        if (await take.ExecuteScalarAsync(ct) is not DateTime due) return;

        var day = DigestDay(new DateTimeOffset(due, TimeSpan.Zero));
        string outcome, message;
        try
        {
            message = await digest.PostAsync(day, ct);
            outcome = "done";
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "daily digest of {Day} failed", day);
            (outcome, message) = ("failed", $"the digest of {day:yyyy-MM-dd} failed: {error.Message}");
        }
        await using var record = state.CreateCommand(
            "update console.scheduled_tasks set last_run_at = now(), last_state = $2, last_message = $3 where name = $1");
        record.Parameters.Add(new() { Value = Name });
        record.Parameters.Add(new() { Value = outcome });
        record.Parameters.Add(new() { Value = message });
        await record.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The Tokyo day before the occurrence: the 09:00 JST digest reports the whole of yesterday.</summary>
    public static DateOnly DigestDay(DateTimeOffset occurrence)
    {
        var tokyo = TimeZoneInfo.ConvertTime(occurrence, TimeZoneInfo.FindSystemTimeZoneById(RefreshSchedule.Tokyo));
        return DateOnly.FromDateTime(tokyo.Date).AddDays(-1);
    }
}
