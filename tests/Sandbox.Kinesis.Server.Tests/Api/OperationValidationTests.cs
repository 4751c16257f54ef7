using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

/// <summary>Errors every operation shares: unknown streams, and the checks not covered by the per-area tests.</summary>
public sealed class OperationValidationTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await InProcessEngine.StartAsync();
        await _engine.CreateStreamAsync("s");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    public static TheoryData<string, object> OperationsOnAMissingStream => new()
    {
        { "DeleteStream", new { StreamName = "missing" } },
        { "DescribeStream", new { StreamName = "missing" } },
        { "DescribeStreamSummary", new { StreamName = "missing" } },
        { "ListShards", new { StreamName = "missing" } },
        { "PutRecord", new { StreamName = "missing", PartitionKey = "k", Data = "AA==" } },
        { "PutRecords", new { StreamName = "missing", Records = new[] { new { PartitionKey = "k", Data = "AA==" } } } },
        { "GetShardIterator", new { StreamName = "missing", ShardId = "shardId-000000000000", ShardIteratorType = "LATEST" } },
        { "IncreaseStreamRetentionPeriod", new { StreamName = "missing", RetentionPeriodHours = 48 } },
        { "DecreaseStreamRetentionPeriod", new { StreamName = "missing", RetentionPeriodHours = 24 } },
        { "UpdateShardCount", new { StreamName = "missing", TargetShardCount = 2, ScalingType = "UNIFORM_SCALING" } },
        { "AddTagsToStream", new { StreamName = "missing", Tags = new Dictionary<string, string> { ["a"] = "b" } } },
        { "RemoveTagsFromStream", new { StreamName = "missing", TagKeys = new[] { "a" } } },
        { "ListTagsForStream", new { StreamName = "missing" } },
    };

    [Theory]
    [MemberData(nameof(OperationsOnAMissingStream))]
    public async Task Every_operation_on_a_missing_stream_is_ResourceNotFound_naming_it(string operation, object request)
    {
        var error = await _engine.Wire.ErrorAsync(operation, request);

        Assert.Equal("ResourceNotFoundException", error.Type);
        Assert.Contains("missing", error.Message);
    }

    public static TheoryData<string, object, string> BadRequests => new()
    {
        { "DescribeStream", new { StreamName = "s", Limit = 0 }, "ValidationException" },
        { "DescribeStream", new { StreamName = "s", Limit = 10_001 }, "ValidationException" },
        { "ListShards", new { StreamName = "s", MaxResults = 0 }, "ValidationException" },
        { "ListShards", new { StreamName = "s", ShardFilter = new { Type = "SIDEWAYS" } }, "ValidationException" },
        { "ListShards", new { NextToken = "bm90IGEgdG9rZW4=" }, "InvalidArgumentException" },
        { "ListStreams", new { NextToken = "bm90IGEgdG9rZW4=" }, "InvalidArgumentException" },
        { "PutRecord", new { StreamName = "s", Data = "AA==" }, "ValidationException" },
        { "PutRecord", new { StreamName = "s", PartitionKey = "k", Data = "AA==", ExplicitHashKey = "01" }, "ValidationException" },
        { "UpdateShardCount", new { StreamName = "s", ScalingType = "UNIFORM_SCALING" }, "ValidationException" },
        { "IncreaseStreamRetentionPeriod", new { StreamName = "s" }, "ValidationException" },
        { "AddTagsToStream", new { StreamName = "s" }, "ValidationException" },
        { "AddTagsToStream", new { StreamName = "s", Tags = new Dictionary<string, string> { [""] = "v" } }, "ValidationException" },
        { "AddTagsToStream", new { StreamName = "s", Tags = new Dictionary<string, string> { ["sandbox:limits"] = "yes" } }, "InvalidArgumentException" },
        { "AddTagsToStream", new { StreamName = "s", Tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v") }, "InvalidArgumentException" },
        { "RemoveTagsFromStream", new { StreamName = "s" }, "ValidationException" },
        { "ListTagsForStream", new { StreamName = "s", Limit = 51 }, "ValidationException" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_the_AWS_error_type(string operation, object request, string errorType) =>
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync(operation, request)).Type);

    [Fact]
    public async Task Tags_are_added_replaced_listed_and_removed()
    {
        await _engine.Wire.OkAsync("AddTagsToStream", new { StreamName = "s", Tags = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } });
        await _engine.Wire.OkAsync("AddTagsToStream", new { StreamName = "s", Tags = new Dictionary<string, string> { ["a"] = "3" } });
        await _engine.Wire.OkAsync("RemoveTagsFromStream", new { StreamName = "s", TagKeys = new[] { "b", "never-there" } });

        var tags = await _engine.Wire.OkAsync("ListTagsForStream", new { StreamName = "s" });

        Assert.Equal("""[{"Key":"a","Value":"3"}]""", tags["Tags"]!.ToJsonString());
        Assert.False((bool)tags["HasMoreTags"]!);
    }
}
