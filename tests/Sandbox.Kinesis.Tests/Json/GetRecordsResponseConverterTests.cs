using System.Text;
using System.Text.Json;
using Sandbox.Kinesis.Json;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests.Json;

/// <summary>The one-pass GetRecords reader answers exactly as the generated reader, which stays the reference.</summary>
public class GetRecordsResponseConverterTests
{
    public static TheoryData<string> Responses => new()
    {
        """{"Records":[],"NextShardIterator":"it-1","MillisBehindLatest":0}""",
        """{"Records":[{"SequenceNumber":"4960","ApproximateArrivalTimestamp":1700000000.123,"Data":"eyJhIjoxfQ==","PartitionKey":"user-1"},{"SequenceNumber":"4961","ApproximateArrivalTimestamp":1700000001,"Data":"","PartitionKey":"user-2","EncryptionType":"NONE"}],"NextShardIterator":"it-2","MillisBehindLatest":1234}""",
        """{"MillisBehindLatest":5,"Records":[{"PartitionKey":"k","Data":"aGk=","SequenceNumber":"1","ApproximateArrivalTimestamp":"2026-12-07T06:00:00.5Z"}]}""",
        """{"Records":[{"SequenceNumber":"1","Data":"aGk=","PartitionKey":"k","Unknown":{"nested":[1,{"x":null}]},"ApproximateArrivalTimestamp":null}],"Extra":[true],"NextShardIterator":null}""",
        """{"Records":[{"SequenceNumber":"9","Data":"aGk=","PartitionKey":"k"}],"MillisBehindLatest":0,"ChildShards":[{"ShardId":"shardId-000000000002","ParentShards":["shardId-000000000000"],"HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"170141183460469231731687303715884105727"}}]}""",
        """{"Records":null}""",
        """{"records":[{"SequenceNumber":"1"}],"Records":[{"sequencenumber":"2","Data":"aGk=","PartitionKey":"p"}]}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void Reads_what_the_generated_reader_reads(string json)
    {
        var expected = JsonSerializer.Deserialize(json, KinesisJsonContext.Default.GetRecordsResponse)!;

        var actual = JsonSerializer.Deserialize(json, GetRecordsResponseConverter.TypeInfo)!;

        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Theory]
    [InlineData("""{"Records":[{"Data":"not base64!"}]}""")]
    [InlineData("""{"Records":[{"SequenceNumber":12}]}""")]
    [InlineData("""{"MillisBehindLatest":"soon"}""")]
    [InlineData("""{"Records":{}}""")]
    [InlineData("""{"Records":[{"ApproximateArrivalTimestamp":true}]}""")]
    [InlineData("""[]""")]
    public void Refuses_what_the_generated_reader_refuses_with_a_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, KinesisJsonContext.Default.GetRecordsResponse));

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, GetRecordsResponseConverter.TypeInfo));
    }

    [Fact]
    public async Task The_client_reads_GetRecords_pages_with_it()
    {
        var handler = new FakeKinesisHandler();
        handler.Answer("""{"Records":[{"SequenceNumber":"7","ApproximateArrivalTimestamp":1700000000.5,"Data":"eyJhIjoxfQ==","PartitionKey":"u"}],"NextShardIterator":"it-3","MillisBehindLatest":42}""");
        using var client = TestClients.Over(handler);

        var page = await client.GetRecordsAsync(new() { ShardIterator = "it-2" });

        var record = Assert.Single(page.Records);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(record.Data.Span));
        Assert.Equal(("7", "u", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500)), (record.SequenceNumber, record.PartitionKey, record.ApproximateArrivalTimestamp!.Value));
        Assert.Equal(("it-3", 42L), (page.NextShardIterator, page.MillisBehindLatest!.Value));
    }

    private static string Describe(GetRecordsResponse response) => JsonSerializer.Serialize(new
    {
        Records = response.Records?.Select(r => new
        {
            r.SequenceNumber, r.ApproximateArrivalTimestamp, Data = Convert.ToBase64String(r.Data.Span), r.PartitionKey, Encryption = r.EncryptionType?.Value,
        }),
        response.NextShardIterator, response.MillisBehindLatest,
        Children = response.ChildShards?.Select(c => new { c.ShardId, c.ParentShards, c.HashKeyRange.StartingHashKey, c.HashKeyRange.EndingHashKey }),
    });
}
