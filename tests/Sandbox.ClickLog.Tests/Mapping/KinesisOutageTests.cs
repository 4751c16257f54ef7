using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Mapping;
using Sandbox.ClickLog.Tests.Infrastructure;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class KinesisOutageTests(ClickLogFixture fixture)
{
    [Fact]
    public async Task The_mapping_keeps_polling_through_an_engine_outage_and_loses_nothing()
    {
        await using var engine = await KinesisEngine.StartAsync();
        using var kinesis = engine.CreateClient();
        var stream = ClickLogFixture.Unique("outage");
        await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = 1 });
        await kinesis.WaitForStreamActiveAsync(stream);
        var function = new RecordingFunction();
        var options = new EventSourceMappingOptions
        {
            Uuid = ClickLogFixture.Unique("esm"), StreamName = stream, LeaseTable = await fixture.CreateLeaseTableAsync(),
            StartingPosition = StartingPosition.TrimHorizon, IdlePollInterval = TimeSpan.FromMilliseconds(50),
            Leases = new LeaseOptions { FailoverTime = TimeSpan.FromSeconds(30) },
        };
        using var mapping = new EventSourceMapping(options, function, kinesis, fixture.Dynamo, TimeProvider.System, NullLogger.Instance);
        await mapping.StartAsync(CancellationToken.None);
        await mapping.Ready.WaitAsync(TimeSpan.FromSeconds(30));

        engine.Kill();
        await Wait.UntilAsync(() => mapping.Metrics.PollErrors > 0, () => mapping.Metrics.ToString());
        await engine.RestartAsync();
        await kinesis.PutRecordsAsync(new PutRecordsRequest
        {
            StreamName = stream,
            Records = [.. TestLines.Numbered(5).Select(r => new PutRecordsRequestEntry { PartitionKey = r.Key, Data = System.Text.Encoding.UTF8.GetBytes(r.Line) })],
        });

        await Wait.UntilAsync(() => function.SucceededNumbers.Count == 5, () => mapping.Metrics.ToString());
        Assert.False(mapping.ExecuteTask!.IsCompleted, "the mapping stopped on the outage");
        await mapping.StopAsync(CancellationToken.None);
    }
}
