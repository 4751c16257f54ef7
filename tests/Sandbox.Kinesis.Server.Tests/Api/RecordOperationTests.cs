using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class RecordOperationTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await InProcessEngine.StartAsync();
        await _engine.CreateStreamAsync("s", 2);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task PutRecords_routes_by_MD5_of_the_partition_key_and_reads_back_in_order()
    {
        var keys = Enumerable.Range(0, 50).Select(i => $"user-{i}").ToList();
        var put = await _engine.Wire.OkAsync("PutRecords", new
        {
            StreamName = "s",
            Records = keys.Select(k => new { PartitionKey = k, Data = KinesisWire.Base64("data-" + k) }),
        });

        Assert.Equal(0, (int)put["FailedRecordCount"]!);
        var results = put["Records"]!.AsArray();
        var ranges = (await _engine.Wire.OkAsync("ListShards", new { StreamName = "s" }))["Shards"]!.AsArray()
            .ToDictionary(s => (string)s!["ShardId"]!, s => (BigInteger.Parse((string)s!["HashKeyRange"]!["StartingHashKey"]!), BigInteger.Parse((string)s["HashKeyRange"]!["EndingHashKey"]!)));
        for (var i = 0; i < keys.Count; i++)
        {
            var hash = new BigInteger(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(keys[i])), isUnsigned: true, isBigEndian: true);
            var (start, end) = ranges[(string)results[i]!["ShardId"]!];
            Assert.InRange(hash, start, end);
        }
        foreach (var shardId in ranges.Keys)
        {
            var read = (await _engine.GetRecordsAsync(await _engine.IteratorAsync("s", shardId)))["Records"]!.AsArray();
            var expected = results.Select((r, i) => (r, i)).Where(x => (string)x.r!["ShardId"]! == shardId).Select(x => "user-" + x.i).ToList();
            Assert.Equal(expected, read.Select(r => (string)r!["PartitionKey"]!));
            var sequences = read.Select(r => BigInteger.Parse((string)r!["SequenceNumber"]!)).ToList();
            Assert.Equal(sequences.Order(), sequences);
            Assert.Equal(sequences.Count, sequences.Distinct().Count());
        }
    }

    [Fact]
    public async Task ExplicitHashKey_overrides_the_partition_key()
    {
        var low = await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("x"), ExplicitHashKey = "0" });
        var high = await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("x"), ExplicitHashKey = UInt128.MaxValue.ToString() });

        Assert.Equal("shardId-000000000000", (string)low["ShardId"]!);
        Assert.Equal("shardId-000000000001", (string)high["ShardId"]!);
    }

    [Fact]
    public async Task Records_carry_data_key_sequence_and_arrival_time()
    {
        var put = await _engine.PutAsync("s", "k", "héllo");

        var record = (await _engine.GetRecordsAsync(await _engine.IteratorAsync("s", (string)put["ShardId"]!)))["Records"]![0]!;

        Assert.Equal("héllo", Encoding.UTF8.GetString(Convert.FromBase64String((string)record["Data"]!)));
        Assert.Equal("k", (string)record["PartitionKey"]!);
        Assert.Equal((string)put["SequenceNumber"]!, (string)record["SequenceNumber"]!);
        Assert.Equal(_engine.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000m, (decimal)record["ApproximateArrivalTimestamp"]!);
    }

    [Fact]
    public async Task Iterator_types_start_where_AWS_says()
    {
        var sequences = new List<string>();
        for (var i = 0; i < 5; i++) sequences.Add((string)(await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64($"r{i}"), ExplicitHashKey = "1" }))["SequenceNumber"]!);
        const string shard = "shardId-000000000000";

        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], await DataFrom(await _engine.IteratorAsync("s", shard)));
        Assert.Equal(["r2", "r3", "r4"], await DataFrom(await _engine.IteratorAsync("s", shard, "AT_SEQUENCE_NUMBER", sequences[2])));
        Assert.Equal(["r3", "r4"], await DataFrom(await _engine.IteratorAsync("s", shard, "AFTER_SEQUENCE_NUMBER", sequences[2])));
        var latest = await _engine.IteratorAsync("s", shard, "LATEST");
        Assert.Empty(await DataFrom(latest));
        await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("r5"), ExplicitHashKey = "1" });
        Assert.Equal(["r5"], await DataFrom(latest));
    }

    [Fact]
    public async Task AT_TIMESTAMP_starts_at_the_first_record_that_arrived_at_or_after_it()
    {
        await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("early"), ExplicitHashKey = "1" });
        _engine.Time.Advance(TimeSpan.FromSeconds(10));
        var cut = _engine.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000m;
        await _engine.Wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("late"), ExplicitHashKey = "1" });

        var iterator = (string)(await _engine.Wire.OkAsync("GetShardIterator", new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "AT_TIMESTAMP", Timestamp = cut }))["ShardIterator"]!;

        Assert.Equal(["late"], await DataFrom(iterator));
    }

    [Fact]
    public async Task GetRecords_pages_with_NextShardIterator_and_reports_MillisBehindLatest()
    {
        await _engine.Wire.OkAsync("PutRecords", new { StreamName = "s", Records = Enumerable.Range(0, 5).Select(i => new { PartitionKey = "k", Data = KinesisWire.Base64($"r{i}"), ExplicitHashKey = "1" }) });
        _engine.Time.Advance(TimeSpan.FromSeconds(3));

        var first = await _engine.GetRecordsAsync(await _engine.IteratorAsync("s", "shardId-000000000000"), limit: 2);
        var second = await _engine.GetRecordsAsync((string)first["NextShardIterator"]!, limit: 10);

        Assert.Equal(2, first["Records"]!.AsArray().Count);
        Assert.Equal(3000, (long)first["MillisBehindLatest"]!);
        Assert.Equal(3, second["Records"]!.AsArray().Count);
        Assert.Equal(0, (long)second["MillisBehindLatest"]!);
        Assert.NotNull(second["NextShardIterator"]);
    }

    [Fact]
    public async Task An_iterator_older_than_five_minutes_is_ExpiredIterator()
    {
        var iterator = await _engine.IteratorAsync("s", "shardId-000000000000");
        _engine.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal("ExpiredIteratorException", (await _engine.Wire.ErrorAsync("GetRecords", new { ShardIterator = iterator })).Type);
    }

    [Fact]
    public async Task An_iterator_of_a_deleted_stream_is_ResourceNotFound_even_if_the_name_is_reused()
    {
        var iterator = await _engine.IteratorAsync("s", "shardId-000000000000");
        await _engine.Wire.OkAsync("DeleteStream", new { StreamName = "s" });
        _engine.Time.Advance(TimeSpan.FromMilliseconds(5));
        await _engine.CreateStreamAsync("s", 2);

        Assert.Equal("ResourceNotFoundException", (await _engine.Wire.ErrorAsync("GetRecords", new { ShardIterator = iterator })).Type);
    }

    public static TheoryData<object, string> BadPutRecords => new()
    {
        { new { StreamName = "s" }, "ValidationException" },
        { new { StreamName = "s", Records = Array.Empty<object>() }, "ValidationException" },
        { new { StreamName = "s", Records = Enumerable.Repeat(new { PartitionKey = "k", Data = "AA==" }, 501) }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "", Data = "AA==" } } }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = new string('k', 257), Data = "AA==" } } }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "k" } } }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "k", Data = Convert.ToBase64String(new byte[1024 * 1024 + 1]) } } }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "kk", Data = Convert.ToBase64String(new byte[1024 * 1024 - 1]) } } }, "InvalidArgumentException" },
        { new { StreamName = "s", Records = Enumerable.Repeat(new { PartitionKey = "k", Data = Convert.ToBase64String(new byte[1024 * 1024 - 8]) }, 6) }, "InvalidArgumentException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "k", Data = "AA==", ExplicitHashKey = "-1" } } }, "ValidationException" },
        { new { StreamName = "s", Records = new[] { new { PartitionKey = "k", Data = "AA==", ExplicitHashKey = "340282366920938463463374607431768211456" } } }, "InvalidArgumentException" },
        { new { StreamName = "nope", Records = new[] { new { PartitionKey = "k", Data = "AA==" } } }, "ResourceNotFoundException" },
    };

    [Theory]
    [MemberData(nameof(BadPutRecords))]
    public async Task PutRecords_rejects_bad_input_like_AWS(object request, string errorType) =>
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync("PutRecords", request)).Type);

    public static TheoryData<object, string> BadIterators => new()
    {
        { new { StreamName = "s", ShardIteratorType = "LATEST" }, "ValidationException" },
        { new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "SOMEWHERE" }, "ValidationException" },
        { new { StreamName = "s", ShardId = "shardId-000000000009", ShardIteratorType = "LATEST" }, "ResourceNotFoundException" },
        { new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "AT_SEQUENCE_NUMBER" }, "InvalidArgumentException" },
        { new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "AT_SEQUENCE_NUMBER", StartingSequenceNumber = "12" }, "InvalidArgumentException" },
        { new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "AFTER_SEQUENCE_NUMBER", StartingSequenceNumber = "49000000000100000000000000000000000000000000000000000000" }, "InvalidArgumentException" },
        { new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "AT_TIMESTAMP" }, "InvalidArgumentException" },
    };

    [Theory]
    [MemberData(nameof(BadIterators))]
    public async Task GetShardIterator_rejects_bad_input_like_AWS(object request, string errorType) =>
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync("GetShardIterator", request)).Type);

    [Theory]
    [InlineData("""{}""", "ValidationException")]
    [InlineData("""{"ShardIterator":"bm90LW91cnM="}""", "InvalidArgumentException")]
    [InlineData("""{"ShardIterator":"AQ","Limit":0}""", "ValidationException")]
    [InlineData("""{"ShardIterator":"AQ","Limit":10001}""", "ValidationException")]
    public async Task GetRecords_rejects_bad_input_like_AWS(string request, string errorType) =>
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync("GetRecords", request)).Type);

    private async Task<List<string>> DataFrom(string iterator) =>
        (await _engine.GetRecordsAsync(iterator))["Records"]!.AsArray()
            .Select(r => Encoding.UTF8.GetString(Convert.FromBase64String((string)r!["Data"]!))).ToList();
}
