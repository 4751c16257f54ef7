using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests;

public class StreamWaitTests
{
    private static string Summary(string status) => $$$"""
        {"StreamDescriptionSummary":{"StreamName":"s","StreamARN":"arn","StreamStatus":"{{{status}}}",
         "RetentionPeriodHours":24,"StreamCreationTimestamp":1700000000,"EnhancedMonitoring":[],"OpenShardCount":2}}
        """;

    [Fact]
    public async Task Waiting_for_active_polls_until_the_stream_is_active()
    {
        var handler = new FakeKinesisHandler().Answer(Summary("CREATING")).Answer(Summary("CREATING")).Answer(Summary("ACTIVE"));
        using var client = TestClients.Over(handler);

        var summary = await client.WaitForStreamActiveAsync("s");

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, summary.OpenShardCount);
    }

    [Fact]
    public async Task Waiting_times_out_naming_the_stream_and_its_status()
    {
        var handler = new FakeKinesisHandler();
        for (var i = 0; i < 50; i++) handler.Answer(Summary("UPDATING"));
        using var client = TestClients.Over(handler);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForStreamActiveAsync("s", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("stream 's' is still UPDATING", error.Message);
    }

    [Fact]
    public async Task Waiting_for_deletion_ends_on_resource_not_found()
    {
        var handler = new FakeKinesisHandler()
            .Answer(Summary("DELETING"))
            .Answer("""{"__type":"ResourceNotFoundException","message":"gone"}""", System.Net.HttpStatusCode.BadRequest);
        using var client = TestClients.Over(handler);

        await client.WaitForStreamDeletedAsync("s");

        Assert.Equal(2, handler.Requests.Count);
    }
}
