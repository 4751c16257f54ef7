using Sandbox.Load.Day;
using Sandbox.Load.Tests.Support;

namespace Sandbox.Load.Tests;

public class DayWindowTests
{
    private static List<LogHour> Hours(params (int Hour, long Lines)[] hours) =>
        hours.Select(h => new LogHour(TinyDay.Date.AddHours(h.Hour), [], h.Lines, h.Lines * 400)).ToList();

    [Fact]
    public void The_busiest_three_consecutive_hours_are_the_peak_hour_and_its_neighbours()
    {
        var day = Hours(Enumerable.Range(0, 24).Select(h => (h, (long)(1_000 - Math.Abs(h - 14) * 60))).ToArray());
        var window = DayWindow.Busiest(day, 3);
        Assert.Equal(TinyDay.Date.AddHours(13), window.Start);
        Assert.Equal(TinyDay.Date.AddHours(16), window.End);
        Assert.Equal("2026-11-02 13:00-16:00 UTC", window.ToString());
    }

    [Fact]
    public void Consecutive_means_by_the_clock_and_a_lone_busy_hour_can_beat_a_pair_split_by_a_gap()
    {
        // 05 and 07 are not consecutive: [05, 07) holds 600 lines, [09, 11) the pair 09+10 = 700.
        var window = DayWindow.Busiest(Hours((1, 650), (5, 600), (7, 600), (9, 350), (10, 350)), 2);
        Assert.Equal(TinyDay.Date.AddHours(9), window.Start);
        Assert.Equal(TinyDay.Date.AddHours(1), DayWindow.Busiest(Hours((1, 650), (5, 600), (7, 600)), 2).Start);
    }

    [Fact]
    public void Ties_go_to_the_earliest_window()
    {
        Assert.Equal(TinyDay.Date.AddHours(2), DayWindow.Busiest(Hours((2, 10), (3, 10), (4, 10), (5, 10)), 2).Start);
        Assert.Equal(TinyDay.Date.AddHours(4), DayWindow.Busiest(Hours((2, 5), (3, 5), (4, 10), (8, 10)), 1).Start);
    }

    [Fact]
    public void A_day_shorter_than_the_window_is_the_window_whole()
    {
        var day = Hours((6, 10), (7, 30));
        var window = DayWindow.Busiest(day, 3);
        Assert.Equal(TinyDay.Date.AddHours(6), window.Start);
        Assert.All(day, hour => Assert.True(window.Holds(hour)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DayWindow.Busiest(day, 0));
    }
}
