using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Tests;

public class ShipperProgressTests
{
    [Fact]
    public void Reads_the_shippers_progress_and_summary_lines_and_keeps_counts_over_a_restart()
    {
        var progress = new ShipperProgress();
        progress.Read("ship: 12,000 shipped (2,400/s), 3,500 buffered in 2 chunks, 0 rejected, 0 throttled, 4 files");
        Assert.Equal(12_000, progress.Shipped);
        Assert.Equal(3_500, progress.Buffered);
        Assert.Equal(0, progress.Throttled);
        Assert.True(progress.SeesThrottling);
        progress.Read("ship: 20,000 shipped (2,000/s), 1,000 buffered in 1 chunks, 0 rejected, 1,500 throttled, 4 files");
        Assert.Equal(1_500, progress.Throttled);
        progress.Restarted();
        progress.Read("ship: drained after 9.5 s: 5,000 lines in, 5,000 records shipped, 0 rejected (see x), 1,300 record sends retried (1,234 throttled), 0 buffered; "
                      + "fallback keys: not JSON 0, no id 0; rejected: empty 0, too large 7; throttled 1234, failed sends 66, chunks 0, recovered 0");
        Assert.Equal(25_000, progress.Shipped);
        Assert.Equal(2_734, progress.Throttled);
        progress.Read("warn: something else: 99 shipped, 5 throttled");
        Assert.Equal(25_000, progress.Shipped);
        Assert.Equal(2_734, progress.Throttled);
    }

    [Fact]
    public void A_shipper_that_never_names_throttled_records_leaves_them_unknown()
    {
        var progress = new ShipperProgress();
        progress.Read("ship: 12,000 shipped (2,400/s), 3,500 buffered in 2 chunks, 0 rejected, 4 files");
        Assert.False(progress.SeesThrottling);
    }
}
