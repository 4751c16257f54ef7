using Sandbox.Core.TrackingPlan;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Naming;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Destinations;

[Collection(FirehoseCollection.Name)]
public class WarehouseDestinationTests(FirehoseFixture fixture) : IAsyncLifetime
{
    private readonly string _delivery = FirehoseFixture.UniqueName("wh");
    private SwitchableLoader _loader = null!;
    private WarehouseOptions _options = null!;
    private readonly List<string> _ids = [];

    public async Task InitializeAsync()
    {
        _loader = new SwitchableLoader(fixture.Warehouse);
        _options = new WarehouseOptions
        {
            StagingBucket = await fixture.CreateBucketAsync(),
            ErrorBucket = await fixture.CreateBucketAsync(),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        };
    }

    public async Task DisposeAsync() => await _loader.DisposeAsync();

    private WarehouseDestination Destination(TimeSpan retryDuration) => new(
        new S3ObjectWriter(fixture.S3, TimeProvider.System, NullLogger.Instance), _loader, _options with { RetryDuration = retryDuration },
        new ObjectKeyNamer(_delivery), TrackingPlanLoader.LoadEmbedded(), TimeProvider.System, NullLogger.Instance);

    /// <summary>40 events that pass the tracking plan and 2 lines that do not.</summary>
    private DeliveryBatch Batch()
    {
        var lines = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var (id, line) = TestEvents.Valid();
            _ids.Add(id);
            lines.Add(line);
        }
        lines.Add("not json at all");
        lines.Add("{\"event_name\":\"no_such_event\"}");
        return new DeliveryBatch([.. lines.Select((l, i) => new BufferedRecord("shardId-000000000000", $"{i}", Encoding.UTF8.GetBytes(l), DateTimeOffset.UtcNow))]);
    }

    [Fact]
    public async Task Warehouse_down_then_up_within_the_retry_duration_loses_nothing()
    {
        _loader.Down = true;
        var delivery = Destination(TimeSpan.FromSeconds(30)).DeliverAsync(Batch(), CancellationToken.None);
        await Eventually.HoldsAsync(() => _loader.FailedAttempts >= 2, TimeSpan.FromSeconds(10), () => $"{_loader.FailedAttempts} failed attempts");
        Assert.False(delivery.IsCompleted);
        _loader.Down = false;

        Assert.Equal(new DeliveryOutcome(42, 0, (await delivery).Bytes), await delivery);
        Assert.Equal(40, await fixture.Warehouse.EventsAsync(_ids));
        Assert.Equal(2, await fixture.Warehouse.BadEventsAsync(_delivery));
        Assert.Empty(await fixture.S3.KeysAsync(_options.ErrorBucket));
        var staged = await fixture.S3.KeysAsync(_options.StagingBucket);
        Assert.Single(staged, k => k.StartsWith("manifests/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Beyond_the_retry_duration_the_manifest_goes_to_the_error_prefix_and_replay_loads_it()
    {
        _loader.Down = true;
        var outcome = await Destination(TimeSpan.FromSeconds(1)).DeliverAsync(Batch(), CancellationToken.None);

        Assert.Equal(new DeliveryOutcome(0, 42, 0), outcome);
        var parked = Assert.Single(await fixture.S3.KeysAsync(_options.ErrorBucket));
        Assert.StartsWith("errors/manifests/", parked);
        Assert.Equal(0, await fixture.Warehouse.EventsAsync(_ids));

        _loader.Down = false;
        var report = await new ManifestReplayer(fixture.S3, _loader, _options, TrackingPlanLoader.LoadEmbedded()).ReplayAsync(_delivery, null, CancellationToken.None);

        Assert.Equal((1, 1, 0), (report.Found, report.Loaded, report.Failures.Count));
        Assert.Equal(40, await fixture.Warehouse.EventsAsync(_ids));
        Assert.Equal(2, await fixture.Warehouse.BadEventsAsync(_delivery));
        Assert.Empty(await fixture.S3.KeysAsync(_options.ErrorBucket));
    }

    [Fact]
    public async Task A_batch_delivered_twice_gives_its_rows_once()
    {
        var batch = Batch();
        await Destination(TimeSpan.FromSeconds(5)).DeliverAsync(batch, CancellationToken.None);
        await Destination(TimeSpan.FromSeconds(5)).DeliverAsync(batch, CancellationToken.None); // at-least-once re-read after a crash

        Assert.Equal(40, await fixture.Warehouse.EventsAsync(_ids));
    }

    /// <summary>End to end through the destination (staging, manifest, COPY through the endpoint, violations): an event
    /// whose release dropped its properties object is delivered and loaded with '{}', its violation beside it.</summary>
    [Fact]
    public async Task An_event_without_properties_is_delivered_with_an_empty_object_and_its_violation()
    {
        var (id, line) = TestEvents.Valid();
        var batch = new DeliveryBatch([new BufferedRecord("shardId-000000000000", "1",
            Encoding.UTF8.GetBytes(line.Replace(",\"properties\":{}", "")), DateTimeOffset.UtcNow)]);

        var outcome = await Destination(TimeSpan.FromSeconds(5)).DeliverAsync(batch, CancellationToken.None);

        Assert.Equal((1L, 0L), (outcome.Delivered, outcome.RoutedToErrors));
        await using var check = fixture.Warehouse.CreateCommand("""
            select (select count(*) from events where event_id = $1 and properties = '{}'::jsonb),
                   (select count(*) from event_violations where event_id = $1 and type = 'bad_envelope' and path = '$.properties'),
                   (select count(*) from bad_events where raw like '%' || $1 || '%')
            """);
        check.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1L, 1L, 0L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public async Task Replay_with_nothing_parked_finds_nothing()
    {
        var report = await new ManifestReplayer(fixture.S3, _loader, _options, TrackingPlanLoader.LoadEmbedded()).ReplayAsync(_delivery, null, CancellationToken.None);
        Assert.Equal((0, 0), (report.Found, report.Loaded));
    }
}
