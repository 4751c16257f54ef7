using System.Text.Json.Nodes;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests;

public class KinesisClientRequestTests
{
    private readonly FakeKinesisHandler _handler = new();

    [Fact]
    public async Task Every_call_is_a_signed_json_1_1_post_to_the_root_naming_its_operation()
    {
        _handler.Answer("""{"StreamNames":[],"HasMoreStreams":false}""");
        using var client = TestClients.Over(_handler);

        await client.ListStreamsAsync(new());

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal("Kinesis_20131202.ListStreams", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={TestClients.AccessKey}/", request.Headers["Authorization"]);
        Assert.Contains("/ap-northeast-1/kinesis/aws4_request", request.Headers["Authorization"]);
        Assert.True(request.Headers.ContainsKey("X-Amz-Date"));
    }

    [Fact]
    public async Task PutRecords_body_uses_the_aws_field_names_base64_data_and_omits_unset_fields()
    {
        _handler.Answer("""{"FailedRecordCount":0,"Records":[{"SequenceNumber":"1","ShardId":"shardId-000000000000"}]}""");
        using var client = TestClients.Over(_handler);

        await client.PutRecordsAsync(new()
        {
            StreamName = "app-events",
            Records = [new() { Data = "hello"u8.ToArray(), PartitionKey = "user-1" }],
        });

        Assert.Equal(
            """{"StreamName":"app-events","Records":[{"Data":"aGVsbG8=","PartitionKey":"user-1"}]}""",
            _handler.Requests[0].Body);
    }

    [Fact]
    public async Task GetShardIterator_sends_the_type_as_its_aws_name_and_the_timestamp_as_epoch_seconds()
    {
        _handler.Answer("""{"ShardIterator":"it-1"}""");
        using var client = TestClients.Over(_handler);

        var response = await client.GetShardIteratorAsync(new()
        {
            StreamName = "s",
            ShardId = "shardId-000000000001",
            ShardIteratorType = ShardIteratorType.AT_TIMESTAMP,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250),
        });

        var body = JsonNode.Parse(_handler.Requests[0].Body)!;
        Assert.Equal("AT_TIMESTAMP", (string?)body["ShardIteratorType"]);
        Assert.Equal(1_700_000_000.25m, body["Timestamp"]!.GetValue<decimal>());
        Assert.Equal("shardId-000000000001", (string?)body["ShardId"]);
        Assert.Equal("it-1", response.ShardIterator);
    }

    [Fact]
    public async Task GetRecords_response_decodes_data_timestamps_and_the_next_iterator()
    {
        _handler.Answer("""
            {"Records":[{"SequenceNumber":"4959","ApproximateArrivalTimestamp":1700000000.5,
              "Data":"aGVsbG8=","PartitionKey":"k"}],
             "NextShardIterator":"it-2","MillisBehindLatest":1200}
            """);
        using var client = TestClients.Over(_handler);

        var response = await client.GetRecordsAsync(new() { ShardIterator = "it-1", Limit = 10 });

        var record = Assert.Single(response.Records);
        Assert.Equal("hello"u8.ToArray(), record.Data.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), record.ApproximateArrivalTimestamp);
        Assert.Equal("it-2", response.NextShardIterator);
        Assert.Equal(1200, response.MillisBehindLatest);
        Assert.Equal("""{"ShardIterator":"it-1","Limit":10}""", _handler.Requests[0].Body);
    }

    [Fact]
    public async Task Operations_without_output_accept_an_empty_body()
    {
        _handler.Answer("");
        using var client = TestClients.Over(_handler);

        await client.CreateStreamAsync(new() { StreamName = "s", ShardCount = 2 });

        Assert.Equal("""{"StreamName":"s","ShardCount":2}""", _handler.Requests[0].Body);
        Assert.Equal("Kinesis_20131202.CreateStream", _handler.Requests[0].Target);
    }

    [Fact]
    public async Task UpdateShardCount_defaults_to_uniform_scaling()
    {
        _handler.Answer("""{"StreamName":"s","CurrentShardCount":1,"TargetShardCount":2}""");
        using var client = TestClients.Over(_handler);

        var response = await client.UpdateShardCountAsync(new() { StreamName = "s", TargetShardCount = 2 });

        Assert.Equal("""{"StreamName":"s","TargetShardCount":2,"ScalingType":"UNIFORM_SCALING"}""", _handler.Requests[0].Body);
        Assert.Equal(1, response.CurrentShardCount);
    }

    [Fact]
    public async Task Unknown_constant_values_from_the_service_round_trip()
    {
        _handler.Answer("""
            {"StreamDescriptionSummary":{"StreamName":"s","StreamARN":"arn","StreamStatus":"SOMETHING_NEW",
             "RetentionPeriodHours":24,"StreamCreationTimestamp":1700000000,"EnhancedMonitoring":[],"OpenShardCount":1}}
            """);
        using var client = TestClients.Over(_handler);

        var summary = (await client.DescribeStreamSummaryAsync(new() { StreamName = "s" })).StreamDescriptionSummary;

        Assert.Equal("SOMETHING_NEW", summary.StreamStatus.Value);
        Assert.NotEqual(StreamStatus.ACTIVE, summary.StreamStatus);
    }

    [Fact]
    public async Task A_response_that_is_not_json_is_a_clear_error_naming_the_operation()
    {
        _handler.Answer("<html>proxy error</html>");
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<Sandbox.Kinesis.Errors.KinesisException>(() => client.ListShardsAsync(new() { StreamName = "s" }));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.StartsWith("ListShards:", error.Message);
    }
}
