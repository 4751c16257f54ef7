using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

public abstract partial class KinesisConformance
{
    private const string Shard0 = "shardId-000000000000";

    /// <summary>Puts records one call each, a little apart, so their arrival timestamps differ.</summary>
    private async Task<List<PutRecordResponse>> PutSpacedAsync(string stream, params string[] payloads)
    {
        var results = new List<PutRecordResponse>();
        foreach (var payload in payloads)
        {
            results.Add(await Client.PutRecordAsync(new() { StreamName = stream, PartitionKey = "p", Data = System.Text.Encoding.UTF8.GetBytes(payload) }));
            await Task.Delay(30);
        }
        return results;
    }

    private async Task<List<string>> ReadFromAsync(string stream, ShardIteratorType type, string? sequence = null, DateTimeOffset? timestamp = null) =>
        (await ReadToTipAsync(await IteratorAsync(stream, Shard0, type, sequence, timestamp))).Records.Select(Text).ToList();

    [SkippableFact]
    public async Task Sequence_number_iterators_start_at_or_after_the_given_record()
    {
        var name = await CreateActiveStreamAsync("seqit");
        var puts = await PutSpacedAsync(name, "a", "b", "c");

        Assert.Equal(["a", "b", "c"], await ReadFromAsync(name, ShardIteratorType.TRIM_HORIZON));
        Assert.Equal(["b", "c"], await ReadFromAsync(name, ShardIteratorType.AT_SEQUENCE_NUMBER, puts[1].SequenceNumber));
        Assert.Equal(["c"], await ReadFromAsync(name, ShardIteratorType.AFTER_SEQUENCE_NUMBER, puts[1].SequenceNumber));
    }

    [SkippableFact]
    public async Task Latest_sees_only_records_put_after_the_iterator_was_taken()
    {
        var name = await CreateActiveStreamAsync("latest");
        await PutSpacedAsync(name, "before");

        var iterator = await IteratorAsync(name, Shard0, ShardIteratorType.LATEST);
        var empty = await Client.GetRecordsAsync(new() { ShardIterator = iterator });
        Assert.Empty(empty.Records);
        Assert.NotNull(empty.NextShardIterator);

        await PutSpacedAsync(name, "after");
        var (records, _) = await ReadToTipAsync(empty.NextShardIterator!);
        Assert.Equal(["after"], records.Select(Text));
    }

    [SkippableFact]
    public async Task At_timestamp_starts_at_the_first_record_that_arrived_then_or_later()
    {
        var name = await CreateActiveStreamAsync("atts");
        await PutSpacedAsync(name, "a", "b", "c");
        var stored = (await ReadToTipAsync(await IteratorAsync(name, Shard0, ShardIteratorType.TRIM_HORIZON))).Records;
        var arrivals = stored.Select(r => r.ApproximateArrivalTimestamp!.Value).ToList();
        Assert.True(arrivals[0] < arrivals[1] && arrivals[1] < arrivals[2], $"{Target}: arrival timestamps {string.Join(", ", arrivals)} do not increase");

        Assert.Equal(["b", "c"], await ReadFromAsync(name, ShardIteratorType.AT_TIMESTAMP, timestamp: arrivals[1]));
        Assert.Equal(["a", "b", "c"], await ReadFromAsync(name, ShardIteratorType.AT_TIMESTAMP, timestamp: arrivals[0].AddMinutes(-1)));
        Assert.Equal(["c"], await ReadFromAsync(name, ShardIteratorType.AT_TIMESTAMP, timestamp: arrivals[2]));
    }

    [SkippableFact]
    public async Task GetRecords_pages_with_NextShardIterator_and_reports_millis_behind_latest()
    {
        var name = await CreateActiveStreamAsync("pages");
        await Client.PutRecordsAsync(new() { StreamName = name, Records = Enumerable.Range(0, 5).Select(i => Entry("p", $"r{i}")).ToList() });

        var first = await Client.GetRecordsAsync(new() { ShardIterator = await IteratorAsync(name, Shard0, ShardIteratorType.TRIM_HORIZON), Limit = 2 });
        Assert.Equal(["r0", "r1"], first.Records.Select(Text));
        Assert.NotNull(first.NextShardIterator);
        Assert.NotNull(first.MillisBehindLatest);

        var (rest, last) = await ReadToTipAsync(first.NextShardIterator!, limit: 2);
        Assert.Equal(["r2", "r3", "r4"], rest.Select(Text));
        Assert.Equal(0, last.MillisBehindLatest);
        Assert.NotNull(last.NextShardIterator); // an open shard never ends
    }
}
