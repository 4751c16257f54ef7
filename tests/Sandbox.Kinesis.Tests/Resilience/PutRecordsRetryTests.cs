using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests.Resilience;

public class PutRecordsRetryTests
{
    private readonly FakeKinesisHandler _handler = new();

    private static string[] SentKeys(CapturedRequest request) =>
        JsonNode.Parse(request.Body)!["Records"]!.AsArray().Select(r => (string)r!["PartitionKey"]!).ToArray();

    [Fact]
    public async Task Only_the_records_that_failed_are_sent_again_and_results_keep_request_order()
    {
        _handler
            .Answer($$"""{"FailedRecordCount":2,"Records":[{{Stored("1")}},{{Throttled}},{{Stored("3")}},{{Throttled}}]}""")
            .Answer($$"""{"FailedRecordCount":0,"Records":[{{Stored("5")}},{{Stored("6")}}]}""");
        using var client = TestClients.Over(_handler);

        var response = await client.PutRecordsWithRetryAsync(Batch("a", "b", "c", "d"), Fast);

        Assert.Equal(["a", "b", "c", "d"], SentKeys(_handler.Requests[0]));
        Assert.Equal(["b", "d"], SentKeys(_handler.Requests[1]));
        Assert.Equal(["1", "5", "3", "6"], response.Records.Select(r => r.SequenceNumber));
        Assert.Equal(0, response.FailedRecordCount);
    }

    [Fact]
    public async Task A_throttled_or_broken_call_is_repeated_whole()
    {
        _handler
            .Answer("""{"__type":"ProvisionedThroughputExceededException","message":"slow down"}""", HttpStatusCode.BadRequest)
            .Fail(new HttpRequestException("connection reset"))
            .Answer($$"""{"FailedRecordCount":0,"Records":[{{Stored("1")}},{{Stored("2")}}]}""");
        using var client = TestClients.Over(_handler);

        var response = await client.PutRecordsWithRetryAsync(Batch("a", "b"), Fast);

        Assert.Equal(3, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.Equal(["a", "b"], SentKeys(r)));
        Assert.Equal(["1", "2"], response.Records.Select(r => r.SequenceNumber));
    }

    [Fact]
    public async Task It_gives_up_after_the_attempt_budget_and_says_how_many_records_remain_unsent()
    {
        for (var i = 0; i < 3; i++)
            _handler.Answer($$"""{"FailedRecordCount":1,"Records":[{{(i == 0 ? Stored("1") + "," : "")}}{{Throttled}}]}""");
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<PutRecordsIncompleteException>(
            () => client.PutRecordsWithRetryAsync(Batch("a", "b"), Fast));

        Assert.Equal(3, _handler.Requests.Count);
        Assert.Equal(1, error.UnsentCount);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("1 of 2 records remain unsent after 3 attempt(s)", error.Message);
        Assert.Contains("ProvisionedThroughputExceededException", error.Message);
        Assert.Equal("1", error.Results[0].SequenceNumber);
    }

    [Fact]
    public async Task Exhausted_transport_errors_are_reported_with_the_last_exception()
    {
        for (var i = 0; i < 3; i++) _handler.Fail(new HttpRequestException("connection refused"));
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<PutRecordsIncompleteException>(
            () => client.PutRecordsWithRetryAsync(Batch("a"), Fast));

        Assert.Equal(1, error.UnsentCount);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_permanent_error_is_not_retried()
    {
        _handler.Answer("""{"__type":"ResourceNotFoundException","message":"Stream app-events not found"}""", HttpStatusCode.BadRequest);
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<PutRecordsIncompleteException>(
            () => client.PutRecordsWithRetryAsync(Batch("a", "b"), Fast));

        Assert.Single(_handler.Requests);
        Assert.IsType<ResourceNotFoundException>(error.InnerException);
        Assert.Equal(2, error.UnsentCount);
    }

    [Fact]
    public async Task A_record_failing_with_a_non_retryable_code_stops_the_batch_with_its_reason()
    {
        _handler.Answer($$"""{"FailedRecordCount":1,"Records":[{{Stored("1")}},{"ErrorCode":"KMSAccessDeniedException","ErrorMessage":"no key"}]}""");
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<PutRecordsIncompleteException>(
            () => client.PutRecordsWithRetryAsync(Batch("a", "b"), Fast));

        Assert.Single(_handler.Requests);
        Assert.Contains("KMSAccessDeniedException x1: no key", error.Message);
    }

    [Fact]
    public async Task A_result_count_that_does_not_match_the_request_is_refused()
    {
        _handler.Answer($$"""{"FailedRecordCount":0,"Records":[{{Stored("1")}}]}""");
        using var client = TestClients.Over(_handler);

        var error = await Assert.ThrowsAsync<PutRecordsIncompleteException>(
            () => client.PutRecordsWithRetryAsync(Batch("a", "b"), Fast));

        Assert.Contains("answered 1 results for 2 records", error.Message);
    }

    [Fact]
    public async Task A_call_that_times_out_is_repeated()
    {
        _handler.Hang().Answer($$"""{"FailedRecordCount":0,"Records":[{{Stored("1")}}]}""");
        using var client = TestClients.Over(_handler, timeout: TimeSpan.FromMilliseconds(200));

        var response = await client.PutRecordsWithRetryAsync(Batch("a"), Fast);

        Assert.Equal(2, _handler.Requests.Count);
        Assert.Equal("1", response.Records[0].SequenceNumber);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried_nor_disguised()
    {
        _handler.Hang();
        using var client = TestClients.Over(_handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.PutRecordsWithRetryAsync(Batch("a"), Fast, cancel.Token));

        Assert.Single(_handler.Requests);
    }
}
