using Sandbox.Console.Queries;
using Sandbox.Console.Refresh;

namespace Sandbox.Console.Tests.Ops;

/// <summary>When a schedule is next due: daily times are Asia/Tokyo wall-clock times (Cronos), intervals are minutes.</summary>
public sealed class RefreshScheduleTests
{
    [Theory]
    [InlineData("2026-12-06T23:30:00Z", "2026-12-07T00:00:00Z")] // 08:30 JST: today's 09:00 JST is half an hour away
    [InlineData("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z")] // exactly 09:00 JST: the next one is tomorrow's
    [InlineData("2026-12-07T15:10:00Z", "2026-12-08T00:00:00Z")] // 00:10 JST on the 8th: the UTC date lags behind
    public void Daily_at_nine_is_nine_in_Tokyo(string after, string next)
    {
        var at = new RefreshSchedule(null, "09:00").NextAfter(DateTimeOffset.Parse(after));
        Assert.Equal(DateTimeOffset.Parse(next), at);
        Assert.Equal(TimeSpan.Zero, at.Offset); // stored as timestamptz, which takes UTC only
    }

    [Fact]
    public void Every_n_minutes_is_n_minutes_after_the_last_time()
    {
        var at = DateTimeOffset.Parse("2026-12-06T22:07:13Z");
        Assert.Equal(at.AddMinutes(15), new RefreshSchedule(15, null).NextAfter(at));
        Assert.Equal("every 15 minutes", new RefreshSchedule(15, null).Describe());
        Assert.Equal("daily at 09:00 Asia/Tokyo", new RefreshSchedule(null, "09:00").Describe());
    }

    [Theory]
    [InlineData(null, null, "Asia/Tokyo", "exactly one of them")]
    [InlineData(5, "09:00", "Asia/Tokyo", "exactly one of them")]
    [InlineData(0, null, "Asia/Tokyo", "everyMinutes is 0")]
    [InlineData(null, "9am", "Asia/Tokyo", "dailyAt '9am' is not a time of the form HH:MM")]
    [InlineData(null, "24:00", "Asia/Tokyo", "dailyAt '24:00'")]
    [InlineData(null, "09:00", "Mars/Olympus", "time zone 'Mars/Olympus' is unknown")]
    public void A_bad_schedule_says_what_is_wrong(int? every, string? daily, string zone, string message) =>
        Assert.Contains(message, Assert.Throws<QueryInputException>(() => new RefreshSchedule(every, daily, zone).Check()).Message);
}
