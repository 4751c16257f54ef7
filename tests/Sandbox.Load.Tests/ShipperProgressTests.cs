using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Tests;

public class ShipperProgressTests
{
    [Fact]
    public void Reads_the_shippers_progress_and_summary_lines_and_keeps_counts_over_a_restart()
    {
        var progress = new ShipperProgress();
        progress.Read("ship: 12,000 shipped (2,400/s), 3,500 buffered in 2 chunks, 0 rejected, 4 files");
        Assert.Equal(12_000, progress.Shipped);
        Assert.Equal(3_500, progress.Buffered);
        Assert.False(progress.SeesThrottling);
        progress.Restarted();
        progress.Read("ship: drained after 9.5 s: 5,000 lines in, 5,000 records shipped, 0 rejected (see x), 1,234 record sends retried, 0 buffered; stats");
        Assert.Equal(17_000, progress.Shipped);
        Assert.Equal(1_234, progress.Throttled);
        Assert.True(progress.SeesThrottling);
        progress.Read("warn: something else: 99 shipped");
        Assert.Equal(17_000, progress.Shipped);
    }
}
