using System.Text.Json.Nodes;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests;

public class PaginationTests
{
    private static string ShardJson(int n) => $$$"""{"ShardId":"shardId-00000000000{{{n}}}","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},"SequenceNumberRange":{"StartingSequenceNumber":"1"}}""";

    [Fact]
    public async Task All_shards_are_listed_following_next_token_without_the_stream_name()
    {
        var handler = new FakeKinesisHandler()
            .Answer($$"""{"Shards":[{{ShardJson(0)}}],"NextToken":"page-2"}""")
            .Answer($$"""{"Shards":[{{ShardJson(1)}}]}""");
        using var client = TestClients.Over(handler);

        var shards = await client.ListAllShardsAsync("s").ToListAsync();

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], shards.Select(s => s.ShardId));
        Assert.Equal("""{"StreamName":"s"}""", handler.Requests[0].Body);
        Assert.Equal("""{"NextToken":"page-2"}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task All_stream_names_are_listed_by_token_or_by_last_name()
    {
        var handler = new FakeKinesisHandler()
            .Answer("""{"StreamNames":["a"],"HasMoreStreams":true,"NextToken":"t"}""")
            .Answer("""{"StreamNames":["b"],"HasMoreStreams":true}""")
            .Answer("""{"StreamNames":["c"],"HasMoreStreams":false}""");
        using var client = TestClients.Over(handler);

        var names = await client.ListAllStreamNamesAsync().ToListAsync();

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal("t", (string?)JsonNode.Parse(handler.Requests[1].Body)!["NextToken"]);
        Assert.Equal("b", (string?)JsonNode.Parse(handler.Requests[2].Body)!["ExclusiveStartStreamName"]);
    }
}
