using Sandbox.Warehouse.Maintenance;

namespace Sandbox.Warehouse.Tests.Maintenance;

public class MaintenanceReportTests
{
    [Fact]
    public void Renders_aligned_columns_with_sizes_dead_share_and_never_for_missing_times()
    {
        var vacuumed = new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);

        var text = MaintenanceReport.Render(
        [
            new TableHealth("events", 3L << 30, 1_000_000, 250_000, vacuumed, vacuumed),
            new TableHealth("load_commits", 512, 0, 0, null, null),
        ]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("events        3.00 GB  1,000,000    250,000    20.0  2026-11-30 01:02:03  2026-11-30 01:02:03", lines[1]);
        Assert.Equal("load_commits    512 B          0          0     0.0  never                never", lines[2].TrimEnd());
        Assert.Equal(lines[1].IndexOf("20.0", StringComparison.Ordinal) + 4, lines[0].IndexOf("dead %", StringComparison.Ordinal) + 6);
    }
}
