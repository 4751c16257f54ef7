using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Tests.Infrastructure;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;
using Sandbox.Testing;

namespace Sandbox.Firehose.Tests.Consumer;

/// <summary>Kinesis going away (killed, restarting) pauses a delivery stream, as it pauses a KCL worker; it must not end it.</summary>
[Collection(FirehoseCollection.Name)]
public class SourceOutageTests(FirehoseFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_delivery_stream_waits_out_a_killed_kinesis_and_delivers_everything_after_the_restart()
    {
        await using var engine = await KinesisEngine.StartAsync();
        using var kinesis = engine.CreateClient();
        var stream = FirehoseFixture.UniqueName("outage");
        await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = 2 });
        await kinesis.WaitForStreamActiveAsync(stream);
        var destination = new CollectingDestination();
        using var worker = new DeliveryStream(new DeliveryStreamOptions
            {
                Name = "outage", SourceStream = stream, LeaseTable = await fixture.CreateLeaseTableAsync(),
                Buffering = new BufferingHints(2_000, TimeSpan.FromMilliseconds(200)),
                Consumer = new ConsumerRig(fixture, stream, "").Consumer(),
            },
            kinesis, fixture.Dynamo, destination, null, TimeProvider.System, NullLogger.Instance);

        await worker.StartAsync(CancellationToken.None);
        await worker.Ready;
        await PutAsync(kinesis, stream, TestEvents.Numbered(100));
        await destination.WaitForRecordsAsync(100, Timeout);

        engine.Kill();
        await Task.Delay(TimeSpan.FromSeconds(3)); // several failed polls
        Assert.False(worker.ExecuteTask!.IsCompleted, $"the delivery stream ended during the outage: {worker.ExecuteTask.Exception?.GetBaseException().Message}");
        await engine.RestartAsync();
        await PutAsync(kinesis, stream, TestEvents.Numbered(100, start: 100));

        await destination.WaitForRecordsAsync(200, Timeout);
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 200), destination.Numbers.Distinct().Order());
    }

    private static async Task PutAsync(IKinesisClient kinesis, string stream, IReadOnlyList<(string Key, string Line)> records)
    {
        var response = await kinesis.PutRecordsAsync(new PutRecordsRequest
        {
            StreamName = stream,
            Records = [.. records.Select(r => new PutRecordsRequestEntry { PartitionKey = r.Key, Data = System.Text.Encoding.UTF8.GetBytes(r.Line) })],
        });
        Assert.Equal(0, response.FailedRecordCount);
    }
}
