using Sandbox.Lake.Partitions;
using Sandbox.Lake.Tests.Support;

namespace Sandbox.Lake.Tests;

[Collection(ArchiveCollection.Name)]
public sealed class LakeTests(ArchiveFixture archive)
{
    private static readonly DateTimeOffset Nov1 = SampleEvents.At("2026-11-01T09:15:00Z");

    [Fact]
    public async Task Row_count_equals_the_records_archived_over_several_objects_and_days()
    {
        var bucket = await archive.NewBucketAsync();
        long archived = 0;
        for (var day = 0; day < 3; day++)
            for (var hour = 0; hour < 2; hour++)
                archived += (await archive.ArchiveAsync(bucket, Nov1.AddDays(day).AddHours(hour), SampleEvents.Lines(day * 1000 + hour * 100, 40 + day, Nov1))).Delivered;

        var lake = archive.NewLake(bucket);
        await using var connection = await lake.OpenAsync(PartitionFilter.All);

        Assert.Equal(6, lake.Stats.ObjectsListed);
        Assert.Equal(archived, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(archived, Query.Count(connection, "select count(distinct event_id) from events"));
    }

    [Fact]
    public async Task A_dt_filter_fetches_only_that_days_objects()
    {
        var bucket = await archive.NewBucketAsync();
        for (var day = 0; day < 3; day++) await archive.ArchiveAsync(bucket, Nov1.AddDays(day), SampleEvents.Lines(day * 100, 10, Nov1.AddDays(day)));
        await archive.ArchiveAsync(bucket, Nov1.AddDays(1).AddHours(5), SampleEvents.Lines(500, 4, Nov1.AddDays(1)));

        var lake = archive.NewLake(bucket);
        await using var connection = await lake.OpenAsync(PartitionPredicates.FromSql("select count(*) from events where dt = '2026-11-02'"));

        Assert.Equal((4, 2, 2), (lake.Stats.ObjectsListed, lake.Stats.ObjectsNeeded, lake.Stats.Fetched));
        Assert.Equal(14, Query.Count(connection, "select count(*) from events where dt = '2026-11-02'"));
        Assert.Equal(14, Query.Count(connection, "select count(*) from events"));
    }

    [Fact]
    public async Task An_hour_filter_fetches_only_that_hours_objects_and_the_partition_columns_come_from_the_key()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 3, Nov1));
        await archive.ArchiveAsync(bucket, Nov1.AddHours(2), SampleEvents.Lines(10, 5, Nov1));

        var lake = archive.NewLake(bucket);
        await using var connection = await lake.OpenAsync(PartitionPredicates.FromSql("select * from events where dt = '2026-11-01' and hour >= 10"));

        Assert.Equal(1, lake.Stats.Fetched);
        Assert.Equal("2026-11-01 11 5", $"{Query.Scalar(connection, "select any_value(dt) || ' ' || any_value(hour) || ' ' || count(*) from events")}");
    }

    [Fact]
    public async Task A_second_open_reads_the_cache_and_a_changed_ETag_fetches_again()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 5, Nov1));
        await archive.ArchiveAsync(bucket, Nov1.AddHours(1), SampleEvents.Lines(100, 5, Nov1));
        var lake = archive.NewLake(bucket);
        await (await lake.OpenAsync(PartitionFilter.All)).DisposeAsync();
        Assert.Equal((2, 2, 0), (lake.Stats.Fetched, lake.Stats.Converted, lake.Stats.CacheHits));

        await (await lake.OpenAsync(PartitionFilter.All)).DisposeAsync();
        Assert.Equal((0, 0, 2), (lake.Stats.Fetched, lake.Stats.Converted, lake.Stats.CacheHits));

        var rewritten = (await archive.KeysAsync(bucket)).Order().First();
        await archive.OverwriteAsync(bucket, rewritten, SampleEvents.Lines(900, 7, Nov1));
        await using var connection = await lake.OpenAsync(PartitionFilter.All);
        Assert.Equal((1, 1, 1), (lake.Stats.Fetched, lake.Stats.Converted, lake.Stats.CacheHits));
        Assert.Equal(12, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(7, Query.Count(connection, "select count(*) from events where event_id >= 'e-000900'"));
    }

    [Fact]
    public async Task Columns_have_explicit_types_timestamps_keep_their_milliseconds()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, [SampleEvents.Line(1, SampleEvents.At("2026-11-01T09:15:00.123Z"))]);
        foreach (var format in new[] { LakeFormat.Parquet, LakeFormat.Json })
        {
            await using var connection = await archive.NewLake(bucket, format).OpenAsync(PartitionFilter.All);

            Assert.Equal("TIMESTAMP WITH TIME ZONE", Query.Scalar(connection, "select typeof(event_time) from events"));
            Assert.Equal("JSON", Query.Scalar(connection, "select typeof(properties) from events"));
            Assert.Equal("2026-11-01 09:15:00.123", Query.Scalar(connection, "select strftime(event_time, '%Y-%m-%d %H:%M:%S.%g') from events"));
            Assert.Equal(true, Query.Scalar(connection, "select properties->>'$.position' = '1' and (received_at - event_time) = interval 1 second from events"));
        }
    }

    [Fact]
    public async Task The_error_prefix_is_not_part_of_events_but_is_its_own_table()
    {
        var bucket = await archive.NewBucketAsync();
        var outcome = await archive.ArchiveAsync(bucket, Nov1, [SampleEvents.Line(1, Nov1), "not json", SampleEvents.Line(2, Nov1)]);
        Assert.Contains(await archive.KeysAsync(bucket), k => k.StartsWith("processing-failed/2026/11/01/09/", StringComparison.Ordinal));

        await using var connection = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);

        Assert.Equal(outcome.Delivered, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(1, Query.Count(connection, "select count(*) from processing_failed where errorCode = 'InvalidJson' and dt = '2026-11-01' and hour = 9"));
    }

    [Fact]
    public async Task An_empty_bucket_gives_empty_tables_with_the_same_columns()
    {
        var bucket = await archive.NewBucketAsync();
        await using var connection = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);

        Assert.Equal(0, Query.Count(connection, "select count(*) from events"));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", Query.Scalar(connection, "select column_type from (describe events) where column_name = 'event_time'"));
        Assert.Equal(15, Query.Count(connection, "select count(*) from (describe events)"));
    }

    [Fact]
    public async Task Json_and_parquet_formats_give_the_same_rows()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 20, Nov1));
        await archive.ArchiveAsync(bucket, Nov1.AddDays(1), SampleEvents.Lines(50, 20, Nov1.AddDays(1)));
        const string sql = "select string_agg(event_id || dt || hour || epoch_ms(event_time) || properties::varchar, ',' order by event_id) from events";

        await using var parquet = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);
        await using var json = await archive.NewLake(bucket, LakeFormat.Json).OpenAsync(PartitionFilter.All);

        Assert.Equal(Query.Scalar(json, sql), Query.Scalar(parquet, sql));
    }

    [Fact]
    public async Task A_missing_bucket_is_a_clear_error()
    {
        var lake = new Lake(archive.S3, "lake-test-no-such-bucket", new LakeOptions { CacheRoot = archive.NewCacheFolder() });

        var error = await Assert.ThrowsAsync<LakeException>(() => lake.OpenAsync(PartitionFilter.All));

        Assert.Contains("bucket 'lake-test-no-such-bucket' does not exist", error.Message);
    }

    [Fact]
    public async Task Events_has_the_warehouse_columns_then_the_partition_columns()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 2, Nov1));
        await using var connection = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);

        Assert.Equal(
            "event_id VARCHAR, event_name VARCHAR, user_id VARCHAR, anonymous_id VARCHAR, session_id VARCHAR, event_time TIMESTAMP WITH TIME ZONE, "
            + "received_at TIMESTAMP WITH TIME ZONE, platform VARCHAR, os_version VARCHAR, device_model VARCHAR, app_version VARCHAR, locale VARCHAR, "
            + "properties JSON, dt VARCHAR, hour INTEGER",
            Query.Scalar(connection, "select string_agg(column_name || ' ' || column_type, ', ') from (describe events)"));
    }

    [Fact]
    public async Task Fields_outside_the_schema_are_ignored_and_missing_ones_are_null()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1,
        [
            """{"event_id":"x1","event_name":"app_open","event_time":"2026-11-01T09:15:00.000Z","context":{"ip":"10.0.0.1"}}""",
        ]);
        await using var connection = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);

        Assert.Equal("x1 app_open true", Query.Scalar(connection, "select event_id || ' ' || event_name || ' ' || (user_id is null and properties is null) from events"));
    }
}
