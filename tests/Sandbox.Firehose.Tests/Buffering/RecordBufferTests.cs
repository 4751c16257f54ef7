using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Buffering;

public class RecordBufferTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));

    private static BufferedRecord Record(int bytes, string shard = "shardId-000000000000", string seq = "1") =>
        new(shard, seq, new byte[bytes], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Size_hint_fires_before_the_interval()
    {
        var buffer = new RecordBuffer(new BufferingHints(1000, TimeSpan.FromMinutes(5)), _clock);
        for (var i = 0; i < 9; i++) buffer.Add(Record(100));
        Assert.False(buffer.ShouldFlush);

        buffer.Add(Record(100));

        Assert.True(buffer.IsFull);
        Assert.False(buffer.IsDue);
    }

    [Fact]
    public void Interval_hint_fires_for_a_small_buffer_counted_from_the_first_record()
    {
        var buffer = new RecordBuffer(new BufferingHints(1_000_000, TimeSpan.FromSeconds(60)), _clock);
        Assert.False(buffer.IsDue); // empty buffers are never due
        buffer.Add(Record(10));
        _clock.Advance(TimeSpan.FromSeconds(59));
        buffer.Add(Record(10));
        Assert.False(buffer.ShouldFlush);
        Assert.Equal(TimeSpan.FromSeconds(1), buffer.TimeUntilDue);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(buffer.IsDue);
        Assert.False(buffer.IsFull);
    }

    [Fact]
    public void Drain_hands_over_every_record_in_order_and_restarts_the_interval()
    {
        var buffer = new RecordBuffer(new BufferingHints(1_000_000, TimeSpan.FromSeconds(10)), _clock);
        buffer.Add(Record(5, "a", "1"));
        buffer.Add(Record(7, "b", "5"));
        buffer.Add(Record(9, "a", "2"));
        _clock.Advance(TimeSpan.FromSeconds(10));

        var batch = buffer.Drain();

        Assert.Equal(3, batch.Records.Count);
        Assert.Equal(21, batch.Bytes);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "5" }, batch.LastSequencePerShard);
        Assert.Equal(0, buffer.Count);
        Assert.False(buffer.ShouldFlush);
        buffer.Add(Record(1));
        Assert.False(buffer.IsDue);
    }

    [Fact]
    public void Aws_units_and_defaults()
    {
        Assert.Equal(5L * 1024 * 1024, BufferingHints.AwsDefaults.SizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(300), BufferingHints.AwsDefaults.Interval);
        Assert.Equal(512 * 1024, BufferingHints.FromAws(0.5, 0.2).SizeBytes);
    }

    [Fact]
    public void Nonsense_hints_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BufferingHints(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BufferingHints(1, TimeSpan.FromSeconds(-1)));
    }
}
