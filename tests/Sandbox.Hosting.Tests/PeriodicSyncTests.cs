namespace Sandbox.Hosting.Tests;

public sealed class PeriodicSyncTests
{
    private sealed class CountingSync(TimeSpan interval) : PeriodicSync(interval)
    {
        private int _syncs, _afterSyncs;
        public int Syncs => Volatile.Read(ref _syncs);
        public int AfterSyncs => Volatile.Read(ref _afterSyncs);
        protected override void Sync() => Interlocked.Increment(ref _syncs);
        protected override void AfterSync() => Interlocked.Increment(ref _afterSyncs);
    }

    [Fact]
    public async Task Syncs_on_the_timer_with_the_upkeep_after_each_and_once_more_at_stop()
    {
        var sync = new CountingSync(TimeSpan.FromMilliseconds(20));
        await sync.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sync.AfterSyncs < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);

        await sync.StopAsync(CancellationToken.None);

        Assert.True(sync.AfterSyncs >= 3, $"{sync.AfterSyncs} timer ticks in 10 s");
        Assert.Equal(sync.AfterSyncs + 1, sync.Syncs); // every tick's sync, and the final one with no upkeep after it
    }

    [Fact]
    public async Task A_stop_before_the_first_tick_still_syncs()
    {
        var sync = new CountingSync(TimeSpan.FromHours(1));
        await sync.StartAsync(CancellationToken.None);

        await sync.StopAsync(CancellationToken.None);

        Assert.Equal(1, sync.Syncs);
        Assert.Equal(0, sync.AfterSyncs);
    }
}
