using Sandbox.Load.Day;
using Sandbox.Load.Processes;
using Sandbox.Load.Tests.Support;

namespace Sandbox.Load.Tests;

public sealed class DiskBudgetTests
{
    [Fact]
    public void The_estimate_grows_with_the_events_and_leaves_out_a_day_already_on_disk()
    {
        var fresh = DiskBudget.Estimate(30_000_000, 30_000_000, dayOnDisk: false, keepsStaging: true);
        var reused = DiskBudget.Estimate(30_000_000, 30_000_000, dayOnDisk: true, keepsStaging: true);
        Assert.Contains(fresh, e => e.Store == "day files");
        Assert.DoesNotContain(reused, e => e.Store == "day files");
        Assert.Equal(fresh.Sum(e => e.Bytes) - fresh.Single(e => e.Store == "day files").Bytes, reused.Sum(e => e.Bytes));
        Assert.Equal(10 * DiskBudget.Estimate(1_000_000, 1_000_000, false, true).Sum(e => e.Bytes), DiskBudget.Estimate(10_000_000, 10_000_000, false, true).Sum(e => e.Bytes), tolerance: 10);
        var expiring = DiskBudget.Estimate(30_000_000, 30_000_000, dayOnDisk: false, keepsStaging: false);
        Assert.DoesNotContain(expiring, e => e.Store == DiskBudget.Staging);
    }

    [Fact]
    public void A_peak_window_sizes_the_stores_by_its_events_and_the_day_files_by_the_days()
    {
        var day = DiskBudget.Estimate(30_000_000, 30_000_000, dayOnDisk: false, keepsStaging: false);
        var window = DiskBudget.Estimate(30_000_000, 5_000_000, dayOnDisk: false, keepsStaging: false);
        Assert.Equal(day.Single(e => e.Store == DiskBudget.DayFiles), window.Single(e => e.Store == DiskBudget.DayFiles));
        foreach (var (store, bytes) in window.Where(e => e.Store != DiskBudget.DayFiles))
            Assert.Equal(day.Single(e => e.Store == store).Bytes / 6.0, bytes, tolerance: 1);
    }

    [Fact]
    public void A_day_that_does_not_fit_is_refused_and_the_line_names_every_store()
    {
        var estimate = DiskBudget.Estimate(30_000_000, 30_000_000, dayOnDisk: false, keepsStaging: true);
        var needed = DiskBudget.Needed(estimate);
        Assert.True(needed > estimate.Sum(e => e.Bytes));

        var line = DiskBudget.Describe("30,000,000 events", estimate, needed - 1, "/data/.sandbox", out var enough);
        Assert.False(enough);
        foreach (var (store, _) in DiskBudget.PerEvent) Assert.Contains(store, line);
        Assert.Contains("30,000,000 events", line);
        Assert.Contains("free on the disk of /data/.sandbox", line);

        DiskBudget.Describe("30,000,000 events", estimate, needed, "/data/.sandbox", out enough);
        Assert.True(enough);
    }

    [Fact]
    public void Free_space_is_read_from_the_nearest_existing_folder()
    {
        var free = DiskBudget.FreeBytes(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "deeper"), out var where);
        Assert.True(free > 0);
        Assert.True(Directory.Exists(where));
    }

    [Fact]
    public void The_long_running_boxes_get_the_runtime_settings_unless_the_run_sets_its_own()
    {
        var environment = BoxProcess.LongRunning(new Dictionary<string, string> { ["SANDBOX_STREAM"] = "s", ["DOTNET_gcConcurrent"] = "1" });
        Assert.Equal("0", environment["DOTNET_TieredCompilation"]);
        Assert.Equal("1", environment["DOTNET_gcConcurrent"]);
        Assert.Equal("s", environment["SANDBOX_STREAM"]);
    }

    [Fact]
    public void A_speed_k_run_budgets_its_live_logs_two_hours_of_them_or_all_with_keep()
    {
        using var tiny = TinyDay.Write(new Dictionary<int, int> { [3] = 10, [4] = 40, [5] = 20 });
        var day = tiny.Open();
        var busiest = day.Hours.Max(h => h.Bytes);
        Assert.Equal(2 * busiest, DiskBudget.LiveLogs(day, day.Events, keep: false));
        Assert.Equal(day.Hours.Sum(h => h.Bytes), DiskBudget.LiveLogs(day, day.Events, keep: true));

        var estimate = DiskBudget.Estimate(day.Events, day.Events, dayOnDisk: true, keepsStaging: false, liveBytes: 2 * busiest);
        Assert.Equal(2 * busiest, estimate.Single(e => e.Store == DiskBudget.LiveLogsStore).Bytes);
        Assert.DoesNotContain(DiskBudget.Estimate(day.Events, day.Events, true, false), e => e.Store == DiskBudget.LiveLogsStore);
    }
}
