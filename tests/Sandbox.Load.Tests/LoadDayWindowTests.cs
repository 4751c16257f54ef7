using Sandbox.Load.Day;
using Sandbox.Load.Tests.Support;

namespace Sandbox.Load.Tests;

public class LoadDayWindowTests
{
    [Fact]
    public void The_peak_window_holds_only_its_hours_and_counts_its_events_from_the_manifests_files()
    {
        using var tiny = TinyDay.Write(new Dictionary<int, int> { [0] = 5, [9] = 20, [10] = 40, [11] = 30, [12] = 10, [20] = 8 });
        var day = tiny.Open();
        var window = day.PeakWindow();

        Assert.Equal(new DayWindow(TinyDay.Date.AddHours(9), 3), window.Window);
        Assert.Equal(TinyDay.Date.AddHours(9), window.Start); // where the feed's clock starts
        Assert.Equal(90, window.Events);
        Assert.Equal(90, window.Lines);
        Assert.Equal(3, window.Files.Count());
        Assert.All(window.Files, f => Assert.Matches(@"app-20261102(09|10|11)\.log$", f));
        Assert.Equal(day.Folder, window.Folder);
        // Clicks are counted per day in the manifest only: a window's are counted from its lines by the check.
        Assert.Null(window.Clicks);
        Assert.Equal(2 + 5 + 10 + 8 + 3 + 2, day.Clicks);
        Assert.Equal("the peak window 2026-11-02 09:00-12:00 UTC (3 of the day's 6 log hours, 90 events)", window.Describe());
        Assert.Equal("the whole day (6 log hours, 113 events)", day.Describe());
        Assert.Null(day.Window);
    }

    [Fact]
    public void A_window_wider_than_the_day_replays_every_hour_and_a_window_without_hours_is_refused()
    {
        using var tiny = TinyDay.Write(new Dictionary<int, int> { [3] = 4, [4] = 6 });
        var day = tiny.Open();
        var window = day.PeakWindow(5);
        Assert.Equal(10, window.Events);
        Assert.Equal(day.Files, window.Files);
        var error = Assert.Throws<LoadInputException>(() => day.Slice(new DayWindow(TinyDay.Date.AddHours(12), 2)));
        Assert.Contains("no log hour in 2026-11-02 12:00-14:00 UTC", error.Message);
    }
}
