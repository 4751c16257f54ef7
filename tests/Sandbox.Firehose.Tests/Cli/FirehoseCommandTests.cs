using Sandbox.Core.TrackingPlan;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Firehose.Cli;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Naming;
using Sandbox.Firehose.Tests.Infrastructure;
using System.CommandLine;
using System.Text;
using Sandbox.Firehose.Buffering;

namespace Sandbox.Firehose.Tests.Cli;

[Collection(FirehoseCollection.Name)]
public class FirehoseCommandTests(FirehoseFixture fixture)
{
    private static RootCommand Root() => new("test") { FirehoseCommand.Build() };

    [Theory]
    [InlineData("--buffer-mb", "0")]
    [InlineData("--buffer-seconds", "-5")]
    [InlineData("--retry-seconds", "0")]
    public void Run_refuses_non_positive_hints_naming_the_option(string option, string value)
    {
        var result = Root().Parse(["firehose", "run", option, value]);

        var error = Assert.Single(result.Errors);
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public async Task Replay_loads_the_parked_manifests_of_the_named_delivery_stream_and_removes_them()
    {
        var delivery = FirehoseFixture.UniqueName("cli");
        var options = new WarehouseOptions
        {
            StagingBucket = await fixture.CreateBucketAsync(), ErrorBucket = await fixture.CreateBucketAsync(), RetryDuration = TimeSpan.Zero,
        };
        var ids = new List<string>();
        await using (var loader = new SwitchableLoader(fixture.Warehouse) { Down = true })
        {
            var destination = new WarehouseDestination(new S3ObjectWriter(fixture.S3, TimeProvider.System, NullLogger.Instance), loader,
                options, new ObjectKeyNamer(delivery), TrackingPlanLoader.LoadEmbedded(), TimeProvider.System, NullLogger.Instance);
            for (var batch = 0; batch < 2; batch++)
            {
                var events = Enumerable.Range(0, 5).Select(_ => TestEvents.Valid()).ToArray();
                ids.AddRange(events.Select(e => e.Id));
                await destination.DeliverAsync(new DeliveryBatch(
                    [.. events.Select((e, i) => new BufferedRecord("s", $"{i}", Encoding.UTF8.GetBytes(e.Line), DateTimeOffset.UtcNow))]), CancellationToken.None);
            }
        }
        Assert.Equal(2, (await fixture.S3.KeysAsync(options.ErrorBucket)).Count);

        var exitCode = await Root().Parse(["firehose", "replay", "--delivery", delivery, "--error-bucket", options.ErrorBucket]).InvokeAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(10, await fixture.Warehouse.EventsAsync(ids));
        Assert.Empty(await fixture.S3.KeysAsync(options.ErrorBucket));
    }
}
