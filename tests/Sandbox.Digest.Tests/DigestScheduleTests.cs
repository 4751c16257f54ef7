using Sandbox.Digest.Scheduling;

namespace Sandbox.Digest.Tests;

public class DigestScheduleTests
{
    [Fact]
    public void Nine_in_the_morning_in_Tokyo_posts_the_day_before()
    {
        var schedule = DigestSchedule.Parse("0 9 * * *", "Asia/Tokyo");

        var next = schedule.Next(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero))!.Value;

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), next); // 09:00 JST
        Assert.Equal(new DateOnly(2026, 12, 6), schedule.DigestDay(next));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), schedule.Next(next));
    }

    [Theory]
    [InlineData("0 25 * * *", "Asia/Tokyo", "--schedule '0 25 * * *' is not a cron expression")]
    [InlineData("every morning", "Asia/Tokyo", "--schedule 'every morning' is not a cron expression")]
    [InlineData("0 9 * * *", "Mars/Olympus", "--time-zone 'Mars/Olympus' is not a time zone")]
    public void Bad_schedules_are_named(string cron, string zone, string expected) =>
        Assert.StartsWith(expected, Assert.Throws<FormatException>(() => DigestSchedule.Parse(cron, zone)).Message);

    [Fact]
    public async Task Runs_at_each_occurrence_until_cancelled_and_a_failed_run_does_not_stop_it()
    {
        var schedule = DigestSchedule.Parse("* * * * * *", "Asia/Tokyo"); // every second
        var runs = new List<DateOnly>();
        var log = new List<string>();
        using var stop = new CancellationTokenSource();

        var running = schedule.RunAsync((day, _) =>
        {
            lock (runs) runs.Add(day);
            if (runs.Count == 1) throw new InvalidOperationException("Slack is down");
            if (runs.Count == 3) stop.Cancel();
            return Task.CompletedTask;
        }, line => { lock (log) log.Add(line); }, TimeProvider.System, stop.Token);
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, runs.Count);
        Assert.Contains(log, l => l.Contains("failed: Slack is down"));
        Assert.Equal(log.Count(l => l.StartsWith("digest: next post at")), 3);
    }
}
