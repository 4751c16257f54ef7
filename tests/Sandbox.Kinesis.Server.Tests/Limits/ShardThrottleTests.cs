using Sandbox.Kinesis.Server.Limits;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Limits;

public sealed class ShardThrottleTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void A_shard_takes_1000_records_per_second_then_refuses_until_refilled()
    {
        var throttle = new ShardThrottle(_time);

        Assert.Equal(1000, Enumerable.Range(0, 1200).Count(_ => throttle.TryAdmitRecord(10)));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(500, Enumerable.Range(0, 1200).Count(_ => throttle.TryAdmitRecord(10)));
    }

    [Fact]
    public void A_shard_takes_1_MiB_per_second_whichever_limit_comes_first()
    {
        var throttle = new ShardThrottle(_time);

        Assert.Equal(16, Enumerable.Range(0, 100).Count(_ => throttle.TryAdmitRecord(64 * 1024)));
        Assert.True(throttle.TryAdmitRecord(0)); // bytes exhausted, records not: a refused record cost no record token
    }

    [Fact]
    public void Five_reads_per_second_and_a_big_read_blocks_until_its_bytes_are_paid_back()
    {
        var throttle = new ShardThrottle(_time);
        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => throttle.TryStartRead()));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.TryStartRead());
        throttle.ChargeRead(6L * 1024 * 1024); // 3 s worth of the 2 MiB/s budget
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.TryStartRead());
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(throttle.TryStartRead());
    }
}
