namespace Sandbox.Kinesis.Server.Tests.Support;

/// <summary>A clock tests move by hand (arrival times, iterator expiry, token refill, retention).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTime() : this(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => _now += by;
}
