using Sandbox.Kinesis.Server.Storage;
using Sandbox.Kinesis.Server.Tests.Support;
using Sandbox.Testing;

namespace Sandbox.Kinesis.Server.Tests.Storage;

public sealed class ShardLogTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualTime _time = new();
    private static readonly ShardLogOptions SmallSegments = new() { MaxSegmentBytes = 1024, IndexInterval = 4 };

    private ShardLog Open(ShardLogOptions? options = null) => ShardLog.Open(_folder.Path, options ?? SmallSegments, _time);

    [Fact]
    public void Appends_get_dense_positions_and_read_back_in_order_across_segments()
    {
        using var log = Open();
        var first = log.Append(Records.Make(0, 30));
        var second = log.Append(Records.Make(30, 30));

        Assert.Equal(0, first.FirstPosition);
        Assert.Equal(30, second.FirstPosition);
        Assert.Equal(60, log.TipPosition);
        Assert.True(Directory.GetFiles(_folder.Path, "*.seg").Length > 1, "1 KB segments should have rolled");
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"record-{i}"), Records.ReadAll(log));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(59)]
    public void Reads_start_at_any_position_through_the_sparse_index(long from)
    {
        using var log = Open();
        for (var i = 0; i < 6; i++) log.Append(Records.Make(i * 10, 10));

        using var result = log.Read(from, maxRecords: 7, maxDataBytes: long.MaxValue);

        Assert.Equal(from, result.Records[0].Position);
        Assert.Equal(Math.Min(7, 60 - from), result.Records.Count);
        Assert.Equal(from + result.Records.Count, result.NextPosition);
        Assert.Equal($"key-{from}", result.Records[0].PartitionKey);
    }

    [Fact]
    public void A_read_stops_before_the_byte_budget_but_returns_at_least_one_record()
    {
        using var log = Open(new ShardLogOptions());
        log.Append([new AppendRecord("k", new byte[600]), new AppendRecord("k", new byte[600])]);

        using var result = log.Read(0, 100, maxDataBytes: 1000);

        Assert.Single(result.Records);
        Assert.Equal(1, result.NextPosition);
    }

    [Fact]
    public void Reading_at_the_tip_returns_nothing_and_stays_there()
    {
        using var log = Open();
        log.Append(Records.Make(0, 3));

        using var result = log.Read(3, 10, long.MaxValue);

        Assert.Empty(result.Records);
        Assert.Equal(3, result.NextPosition);
    }

    [Fact]
    public void Reopening_keeps_every_record_and_continues_the_positions()
    {
        using (var log = Open()) log.Append(Records.Make(0, 45));

        using var reopened = Open();
        Assert.Equal(45, reopened.TipPosition);
        Assert.Equal(45, reopened.Append(Records.Make(45, 1)).FirstPosition);
        Assert.Equal(Enumerable.Range(0, 46).Select(i => $"record-{i}"), Records.ReadAll(reopened));
    }

    [Fact]
    public void A_torn_tail_record_is_cut_off_on_reopen()
    {
        using (var log = Open(new ShardLogOptions())) log.Append(Records.Make(0, 10));
        var segment = Directory.GetFiles(_folder.Path, "*.seg").Single();
        using (var file = new FileStream(segment, FileMode.Open)) file.SetLength(file.Length - 3); // crash mid-write

        using var reopened = Open(new ShardLogOptions());

        Assert.Equal(9, reopened.TipPosition);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"record-{i}"), Records.ReadAll(reopened));
        reopened.Append(Records.Make(100, 1));
        Assert.Equal("record-100", Records.ReadAll(reopened, from: 9).Single());
    }

    [Fact]
    public void A_corrupt_tail_record_fails_its_checksum_and_is_cut_off()
    {
        using (var log = Open(new ShardLogOptions())) log.Append(Records.Make(0, 5));
        var segment = Directory.GetFiles(_folder.Path, "*.seg").Single();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.Position = file.Length - 1;
            file.WriteByte(0xFF); // last byte of the last record's data
        }

        using var reopened = Open(new ShardLogOptions());

        Assert.Equal(4, reopened.TipPosition);
    }

    [Fact]
    public void A_lost_index_file_is_rebuilt_from_the_segment()
    {
        using (var log = Open()) log.Append(Records.Make(0, 20));
        foreach (var index in Directory.GetFiles(_folder.Path, "*.idx")) File.Delete(index);

        using var reopened = Open();

        Assert.Equal(20, reopened.TipPosition);
        using var result = reopened.Read(13, 1, long.MaxValue);
        Assert.Equal("key-13", result.Records.Single().PartitionKey);
    }

    [Fact]
    public void Arrival_times_never_go_backwards_and_locate_AT_TIMESTAMP_positions()
    {
        using var log = Open();
        log.Append(Records.Make(0, 10));
        var t1 = _time.GetUtcNow().ToUnixTimeMilliseconds() + 60_000;
        _time.Advance(TimeSpan.FromMinutes(1));
        log.Append(Records.Make(10, 10));

        Assert.Equal(10, log.PositionAtTimestamp(t1));
        Assert.Equal(0, log.PositionAtTimestamp(0));
        Assert.Equal(20, log.PositionAtTimestamp(t1 + 1));
    }

    [Fact]
    public void Retention_deletes_whole_old_segments_and_moves_the_trim_horizon()
    {
        using var log = Open(new ShardLogOptions { MaxSegmentAge = TimeSpan.FromHours(1) });
        log.Append(Records.Make(0, 10));
        _time.Advance(TimeSpan.FromHours(2));
        log.Append(Records.Make(10, 10)); // first segment is an hour old: a new one starts
        var cutoff = _time.GetUtcNow().ToUnixTimeMilliseconds() - 1;

        Assert.Equal(1, log.TrimBefore(cutoff));

        Assert.Equal(10, log.TrimHorizonPosition);
        Assert.Single(Directory.GetFiles(_folder.Path, "*.seg"));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"record-{i}"), Records.ReadAll(log));
        using var fromTrimmed = log.Read(0, 100, long.MaxValue);
        Assert.Equal(10, fromTrimmed.Records[0].Position); // an old position reads from the trim horizon
    }

    [Fact]
    public void Retention_can_empty_a_quiet_shard_and_positions_continue()
    {
        using var log = Open(new ShardLogOptions());
        log.Append(Records.Make(0, 5));
        _time.Advance(TimeSpan.FromHours(25));

        log.TrimBefore(_time.GetUtcNow().ToUnixTimeMilliseconds() - (long)TimeSpan.FromHours(24).TotalMilliseconds);

        Assert.Equal(5, log.TrimHorizonPosition);
        Assert.Equal(5, log.TipPosition);
        Assert.Equal(5, log.Append(Records.Make(5, 1)).FirstPosition);
    }

    [Fact]
    public void A_closed_log_refuses_appends()
    {
        using var log = Open();
        log.Append(Records.Make(0, 2));

        Assert.Equal(2, log.Close());
        Assert.Throws<ShardClosedException>(() => log.Append(Records.Make(2, 1)));
    }

    public void Dispose() => _folder.Dispose();
}
