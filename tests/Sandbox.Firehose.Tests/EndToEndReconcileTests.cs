using Sandbox.Core.TrackingPlan;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Metrics;
using Sandbox.Firehose.Naming;
using Sandbox.Firehose.Tests.Destinations;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests;

[Collection(FirehoseCollection.Name)]
public class EndToEndReconcileTests(FirehoseFixture fixture)
{
    [Fact]
    public async Task Both_delivery_streams_account_for_every_record_in_S3_the_warehouse_and_the_metrics()
    {
        var rig = await ConsumerRig.CreateAsync(fixture, shards: 2);
        var events = Enumerable.Range(0, 100).Select(_ => TestEvents.Valid()).ToList();
        string[] malformed = ["{broken", "plain text", "[1,2,3]"];
        var records = events.Select((e, i) => ($"user-{i % 7}", e.Line)).Concat(malformed.Select(m => ("anon", m))).ToList();
        await fixture.PutAsync(rig.Stream, records);

        var (archiveBucket, staging, errors) = (await fixture.CreateBucketAsync(), await fixture.CreateBucketAsync(), await fixture.CreateBucketAsync());
        var (archiveName, warehouseName) = (FirehoseFixture.UniqueName("arch"), FirehoseFixture.UniqueName("wh"));
        var writer = new S3ObjectWriter(fixture.S3, TimeProvider.System, NullLogger.Instance);
        var metrics = new WarehouseMetricsSink(fixture.Warehouse);
        var hints = new BufferingHints(8_000, TimeSpan.FromMilliseconds(300));
        await using var loader = new SwitchableLoader(fixture.Warehouse);

        using var toArchive = rig.DeliveryStream(archiveName,
            new ArchiveDestination(writer, new ArchiveOptions { Bucket = archiveBucket }, new ObjectKeyNamer(archiveName), TimeProvider.System),
            hints, metrics: metrics);
        using var toWarehouse = rig.DeliveryStream(warehouseName,
            new WarehouseDestination(writer, loader, new WarehouseOptions { StagingBucket = staging, ErrorBucket = errors },
                new ObjectKeyNamer(warehouseName), TrackingPlanLoader.LoadEmbedded(), TimeProvider.System, NullLogger.Instance),
            hints, metrics: metrics);
        await toArchive.StartAsync(CancellationToken.None);
        await toWarehouse.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => toArchive.Counters.Out + toArchive.Counters.Rejected == 103 && toWarehouse.Counters.Out == 103,
            TimeSpan.FromSeconds(30), () => $"archive {toArchive.Counters}; warehouse {toWarehouse.Counters}");
        await toArchive.StopAsync(CancellationToken.None);
        await toWarehouse.StopAsync(CancellationToken.None);

        // Counters: in = out + rejected, nothing in flight.
        Assert.Equal((103L, 100L, 3L, 0L), (toArchive.Counters.In, toArchive.Counters.Out, toArchive.Counters.Rejected, toArchive.Counters.InFlight));
        Assert.Equal((103L, 103L, 0L, 0L), (toWarehouse.Counters.In, toWarehouse.Counters.Out, toWarehouse.Counters.Rejected, toWarehouse.Counters.InFlight));

        // S3 archive: every valid event once in the gzip objects, every malformed line in the error prefix.
        var keys = await fixture.S3.KeysAsync(archiveBucket);
        var archived = new List<string>();
        foreach (var key in keys.Where(k => !k.StartsWith(ArchiveDestination.ProcessingFailed, StringComparison.Ordinal)))
            archived.AddRange(JsonLinesTests.Gunzip(await fixture.S3.ReadAsync(archiveBucket, key)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(events.Select(e => e.Id).Order(), archived.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event_id").GetString()).Order());
        var failed = new List<string>();
        foreach (var key in keys.Where(k => k.StartsWith(ArchiveDestination.ProcessingFailed, StringComparison.Ordinal)))
            failed.AddRange(JsonLinesTests.Gunzip(await fixture.S3.ReadAsync(archiveBucket, key)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, failed.Count);

        // Warehouse: the events once, the malformed lines in bad_events.
        Assert.Equal(100, await fixture.Warehouse.EventsAsync(events.Select(e => e.Id)));
        Assert.Equal(3, await fixture.Warehouse.BadEventsAsync(warehouseName));

        // Metrics: IncomingRecords, delivered and failed per delivery stream.
        Assert.Equal((103L, 100L, 3L), await MetricsAsync(archiveName));
        Assert.Equal((103L, 103L, 0L), await MetricsAsync(warehouseName));
    }

    private async Task<(long In, long Out, long Failed)> MetricsAsync(string delivery)
    {
        await using var command = fixture.Warehouse.CreateCommand(
            "select coalesce(sum(records_in),0)::bigint, coalesce(sum(records_out),0)::bigint, coalesce(sum(records_failed),0)::bigint, " +
            "count(*) filter (where data_freshness_seconds is null and records_out > 0) from delivery_metrics where delivery = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = delivery });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(0L, reader.GetInt64(3)); // DataFreshness is set wherever records were delivered
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
