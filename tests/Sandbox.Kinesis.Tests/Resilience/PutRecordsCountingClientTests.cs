using System.Net;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests.Resilience;

public class PutRecordsCountingClientTests
{
    private readonly FakeKinesisHandler _handler = new();
    private int _attempted, _notStored, _throttled;

    private PutRecordsCountingClient Counting(IKinesisClient inner) =>
        new(inner, onAttempted: n => _attempted += n, onNotStored: n => _notStored += n, onThrottled: n => _throttled += n);

    [Fact]
    public async Task Resent_records_count_again_as_attempted_and_the_failed_subset_as_not_stored()
    {
        _handler
            .Answer($$"""{"FailedRecordCount":2,"Records":[{{Stored("1")}},{{Throttled}},{{Stored("3")}},{{Throttled}}]}""")
            .Answer($$"""{"FailedRecordCount":0,"Records":[{{Stored("5")}},{{Stored("6")}}]}""");
        using var client = TestClients.Over(_handler);

        await Counting(client).PutRecordsWithRetryAsync(Batch("a", "b", "c", "d"), Fast);

        Assert.Equal((6, 2, 2), (_attempted, _notStored, _throttled));
    }

    [Fact]
    public async Task A_call_that_fails_whole_counts_all_its_records_as_not_stored()
    {
        _handler.Answer("""{"__type":"ProvisionedThroughputExceededException","message":"slow down"}""", HttpStatusCode.BadRequest);
        using var client = TestClients.Over(_handler);

        await Assert.ThrowsAnyAsync<KinesisException>(() => Counting(client).PutRecordsAsync(Batch("a", "b", "c")));

        Assert.Equal((3, 3, 3), (_attempted, _notStored, _throttled));
    }

    [Fact]
    public async Task A_call_the_caller_cancels_is_attempted_but_not_counted_as_not_stored()
    {
        _handler.Hang();
        using var client = TestClients.Over(_handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Counting(client).PutRecordsAsync(Batch("a", "b"), cancel.Token));

        Assert.Equal((2, 0), (_attempted, _notStored));
    }

    [Fact]
    public async Task Other_operations_pass_through_uncounted()
    {
        _handler.Answer("""{"StreamNames":["app-events"],"HasMoreStreams":false}""");
        using var client = TestClients.Over(_handler);

        var response = await Counting(client).ListStreamsAsync(new ListStreamsRequest());

        Assert.Equal(["app-events"], response.StreamNames);
        Assert.Equal("Kinesis_20131202.ListStreams", _handler.Requests.Single().Target);
        Assert.Equal((0, 0), (_attempted, _notStored));
    }
}
