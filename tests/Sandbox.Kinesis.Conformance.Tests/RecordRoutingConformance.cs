using System.Numerics;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

public abstract partial class KinesisConformance
{
    [SkippableFact]
    public async Task Partition_keys_route_by_md5_and_explicit_hash_keys_override_them()
    {
        var name = await CreateActiveStreamAsync("route", shards: 4);
        var shards = await ShardsAsync(name);
        var keys = Enumerable.Range(0, 12).Select(i => $"user-{i}").ToList();

        var response = await Client.PutRecordsAsync(new() { StreamName = name, Records = keys.Select(k => Entry(k, k)).ToList() });

        for (var i = 0; i < keys.Count; i++)
            Assert.Equal(shards.ShardFor(HashKeys.Of(keys[i])).ShardId, response.Records[i].ShardId);

        foreach (var hashKey in new[] { BigInteger.Zero, HashKeys.Space / 2, HashKeys.Max })
        {
            var put = await Client.PutRecordAsync(new()
            {
                StreamName = name, PartitionKey = "ignored-for-routing", Data = "x"u8.ToArray(), ExplicitHashKey = hashKey.ToString(),
            });
            Assert.Equal(shards.ShardFor(hashKey).ShardId, put.ShardId);
        }
    }

    [SkippableFact]
    public async Task Sequence_numbers_increase_strictly_within_each_shard()
    {
        var name = await CreateActiveStreamAsync("seq", shards: 2);
        var byShard = new Dictionary<string, List<BigInteger>>();
        void Keep(string shardId, string sequence)
        {
            // The API model's pattern for sequence numbers: a decimal without leading zeros.
            Assert.Matches(@"^(0|[1-9]\d{0,128})$", sequence);
            (byShard.TryGetValue(shardId, out var list) ? list : byShard[shardId] = []).Add(Sequence(sequence));
        }

        for (var i = 0; i < 4; i++)
        {
            var single = await Client.PutRecordAsync(new() { StreamName = name, PartitionKey = $"k{i}", Data = "x"u8.ToArray() });
            Keep(single.ShardId, single.SequenceNumber);
            var batch = await Client.PutRecordsAsync(new() { StreamName = name, Records = [Entry($"a{i}", "1"), Entry($"b{i}", "2"), Entry($"a{i}", "3")] });
            foreach (var result in batch.Records) Keep(result.ShardId!, result.SequenceNumber!);
        }

        Assert.Equal(2, byShard.Count);
        Assert.All(byShard.Values, sequences => Assert.All(sequences.Zip(sequences.Skip(1)), pair => Assert.True(pair.First < pair.Second,
            $"{Target}: sequence {pair.Second} does not follow {pair.First}")));
        Assert.All(byShard.Values.SelectMany(v => v), s => Assert.True(s > 0));
    }

    [SkippableFact]
    public async Task PutRecords_answers_one_result_per_record_in_request_order()
    {
        var name = await CreateActiveStreamAsync("batch");
        var entries = Enumerable.Range(0, 5).Select(i => Entry($"key-{i}", $"payload-{i}")).ToList();

        var response = await Client.PutRecordsAsync(new() { StreamName = name, Records = entries });

        Assert.Equal(0, response.FailedRecordCount);
        Assert.Equal(5, response.Records.Count);
        Assert.All(response.Records, r => Assert.True(r.Succeeded && r.SequenceNumber is { Length: > 0 } && r.ShardId == "shardId-000000000000"));
        var (records, _) = await ReadToTipAsync(await IteratorAsync(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON));
        Assert.Equal(entries.Select((_, i) => $"payload-{i}"), records.Select(Text));
        Assert.Equal(response.Records.Select(r => r.SequenceNumber), records.Select(r => r.SequenceNumber));
        Assert.Equal(entries.Select(e => e.PartitionKey), records.Select(r => r.PartitionKey));
    }
}
