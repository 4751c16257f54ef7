using System.Text.Json.Nodes;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class StreamOperationTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task CreateStream_makes_an_ACTIVE_stream_with_even_shards()
    {
        await _engine.CreateStreamAsync("events", 4);

        var description = (await _engine.Wire.OkAsync("DescribeStream", new { StreamName = "events" }))["StreamDescription"]!;
        Assert.Equal("ACTIVE", (string)description["StreamStatus"]!);
        Assert.Equal(24, (int)description["RetentionPeriodHours"]!);
        Assert.Equal(4, description["Shards"]!.AsArray().Count);
        Assert.Equal("0", (string)description["Shards"]![0]!["HashKeyRange"]!["StartingHashKey"]!);
        Assert.False((bool)description["HasMoreShards"]!);
    }

    public static TheoryData<object, string> BadCreates => new()
    {
        { new { ShardCount = 1 }, "ValidationException" },
        { new { StreamName = "", ShardCount = 1 }, "ValidationException" },
        { new { StreamName = "has space", ShardCount = 1 }, "ValidationException" },
        { new { StreamName = new string('a', 129), ShardCount = 1 }, "ValidationException" },
        { new { StreamName = "s", ShardCount = 0 }, "ValidationException" },
        { new { StreamName = "s", ShardCount = 501 }, "LimitExceededException" },
        { new { StreamName = "s", ShardCount = 1, StreamModeDetails = new { StreamMode = "ON_DEMAND" } }, "InvalidArgumentException" },
        { new { StreamName = "s", ShardCount = 1, StreamModeDetails = new { StreamMode = "SOMETIMES" } }, "ValidationException" },
        { new { StreamName = "s", StreamModeDetails = new { StreamMode = "PROVISIONED" } }, "ValidationException" },
        { new { StreamName = "s", ShardCount = 1, Tags = new Dictionary<string, string> { ["sandbox:limits"] = "maybe" } }, "InvalidArgumentException" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task CreateStream_rejects_bad_input_like_AWS(object request, string errorType)
    {
        var error = await _engine.Wire.ErrorAsync("CreateStream", request);
        Assert.Equal(errorType, error.Type);
    }

    [Fact]
    public async Task Without_a_ShardCount_the_stream_is_ON_DEMAND_with_four_shards_and_cannot_be_resharded()
    {
        await _engine.Wire.OkAsync("CreateStream", new { StreamName = "auto" });

        var summary = (await _engine.Wire.OkAsync("DescribeStreamSummary", new { StreamName = "auto" }))["StreamDescriptionSummary"]!;
        Assert.Equal("ON_DEMAND", (string)summary["StreamModeDetails"]!["StreamMode"]!);
        Assert.Equal(4, (int)summary["OpenShardCount"]!);
        Assert.Equal("InvalidArgumentException", (await _engine.Wire.ErrorAsync("UpdateShardCount", new { StreamName = "auto", TargetShardCount = 5, ScalingType = "UNIFORM_SCALING" })).Type);
    }

    [Fact]
    public async Task CreateStream_of_an_existing_name_is_ResourceInUse()
    {
        await _engine.CreateStreamAsync("s");
        Assert.Equal("ResourceInUseException", (await _engine.Wire.ErrorAsync("CreateStream", new { StreamName = "s", ShardCount = 1 })).Type);
    }

    [Fact]
    public async Task DeleteStream_removes_the_stream_and_a_second_delete_is_ResourceNotFound()
    {
        await _engine.CreateStreamAsync("s");
        await _engine.Wire.OkAsync("DeleteStream", new { StreamName = "s" });

        Assert.Equal("ResourceNotFoundException", (await _engine.Wire.ErrorAsync("DeleteStream", new { StreamName = "s" })).Type);
        Assert.Equal("ResourceNotFoundException", (await _engine.Wire.ErrorAsync("DescribeStreamSummary", new { StreamName = "s" })).Type);
    }

    [Fact]
    public async Task Streams_are_found_by_ARN_too()
    {
        await _engine.CreateStreamAsync("s", 2);

        var summary = await _engine.Wire.OkAsync("DescribeStreamSummary", new { StreamARN = "arn:aws:kinesis:us-east-1:000000000000:stream/s" });

        Assert.Equal(2, (int)summary["StreamDescriptionSummary"]!["OpenShardCount"]!);
        Assert.Equal("InvalidArgumentException", (await _engine.Wire.ErrorAsync("DescribeStreamSummary", new { StreamARN = "arn:aws:s3:::bucket" })).Type);
        Assert.Equal("InvalidArgumentException", (await _engine.Wire.ErrorAsync("DescribeStreamSummary", new { })).Type);
    }

    [Fact]
    public async Task ListStreams_pages_in_name_order()
    {
        foreach (var name in new[] { "c", "a", "b" }) await _engine.CreateStreamAsync(name);

        var first = await _engine.Wire.OkAsync("ListStreams", new { Limit = 2 });
        var second = await _engine.Wire.OkAsync("ListStreams", new { NextToken = (string)first["NextToken"]! });

        Assert.Equal(["a", "b"], Names(first["StreamNames"]));
        Assert.True((bool)first["HasMoreStreams"]!);
        Assert.Equal(["c"], Names(second["StreamNames"]));
        Assert.False((bool)second["HasMoreStreams"]!);
        Assert.Equal("ValidationException", (await _engine.Wire.ErrorAsync("ListStreams", new { Limit = 0 })).Type);
    }

    [Fact]
    public async Task ListShards_pages_with_a_NextToken_that_already_names_the_stream()
    {
        await _engine.CreateStreamAsync("s", 3);

        var first = await _engine.Wire.OkAsync("ListShards", new { StreamName = "s", MaxResults = 2 });
        var token = (string)first["NextToken"]!;
        var second = await _engine.Wire.OkAsync("ListShards", new { NextToken = token });

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], first["Shards"]!.AsArray().Select(s => (string)s!["ShardId"]!));
        Assert.Equal("shardId-000000000002", (string)second["Shards"]![0]!["ShardId"]!);
        Assert.Null(second["NextToken"]);
        Assert.Equal("InvalidArgumentException", (await _engine.Wire.ErrorAsync("ListShards", new { StreamName = "s", NextToken = token })).Type);
        Assert.Equal("ResourceNotFoundException", (await _engine.Wire.ErrorAsync("ListShards", new { StreamName = "nope" })).Type);
    }

    [Fact]
    public async Task DescribeStream_pages_shards_with_ExclusiveStartShardId()
    {
        await _engine.CreateStreamAsync("s", 3);

        var page = (await _engine.Wire.OkAsync("DescribeStream", new { StreamName = "s", Limit = 1, ExclusiveStartShardId = "shardId-000000000000" }))["StreamDescription"]!;

        Assert.Equal("shardId-000000000001", (string)page["Shards"]![0]!["ShardId"]!);
        Assert.True((bool)page["HasMoreShards"]!);
    }

    private static List<string> Names(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToList();
}
