using Sandbox.Lake.Partitions;
using Sandbox.Lake.Tests.Support;

namespace Sandbox.Lake.Tests;

/// <summary>
/// The archive is at-least-once: Firehose redelivers a batch whose checkpoint was lost as a NEW object
/// (another key, usually a later hour), and the shipper may resend a line. <c>events</c> counts each
/// event_id once, <c>events_raw</c> shows what the archive really holds.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class RedeliveryTests(ArchiveFixture archive)
{
    private static readonly DateTimeOffset Nov1 = SampleEvents.At("2026-11-01T09:15:00Z");

    public static TheoryData<LakeFormat> Formats => new() { LakeFormat.Parquet, LakeFormat.Json };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_redelivered_object_and_a_resent_line_are_counted_once_in_events_and_kept_in_events_raw(LakeFormat format)
    {
        var bucket = await archive.NewBucketAsync();
        var batch = SampleEvents.Lines(0, 30, Nov1).ToList();
        var next = SampleEvents.Lines(100, 20, Nov1).ToList();
        await archive.ArchiveAsync(bucket, Nov1, batch);
        // The same batch again an hour later, as Firehose does after a lost checkpoint: a second object.
        await archive.ArchiveAsync(bucket, Nov1.AddHours(1), batch);
        // A line resent by the shipper lands inside another batch.
        await archive.ArchiveAsync(bucket, Nov1.AddHours(1), [.. next, batch[7]]);
        Assert.Equal(3, (await archive.KeysAsync(bucket)).Count);

        var lake = archive.NewLake(bucket, format);
        await using var connection = await lake.OpenAsync(PartitionFilter.All);

        Assert.Equal(30 + 30 + 21, Query.Count(connection, "select count(*) from events_raw"));
        Assert.Equal(50, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(50, Query.Count(connection, "select count(distinct event_id) from events"));
        Assert.Equal(31, lake.Stats.DuplicatesLeftOut["events"]);
        Assert.Contains("31 duplicate records left out of events (events_raw has them)", lake.Stats.ToString());
        // The first arrival is the copy kept: all of the first batch stays in hour 9.
        Assert.Equal(30, Query.Count(connection, "select count(*) from events where hour = 9"));
        Assert.Equal(20, Query.Count(connection, "select count(*) from events where hour = 10"));
    }

    [Fact]
    public async Task Reopening_the_same_objects_reads_the_duplicate_keys_back_and_a_new_object_finds_them_again()
    {
        var bucket = await archive.NewBucketAsync();
        var batch = SampleEvents.Lines(0, 10, Nov1).ToList();
        await archive.ArchiveAsync(bucket, Nov1, batch);
        await archive.ArchiveAsync(bucket, Nov1.AddHours(1), batch);
        var lake = archive.NewLake(bucket);
        await (await lake.OpenAsync(PartitionFilter.All)).DisposeAsync();
        Assert.Equal((false, 10L), (lake.Stats.DuplicateKeysFromCache, lake.Stats.DuplicatesLeftOut["events"]));

        await using (var again = await lake.OpenAsync(PartitionFilter.All))
        {
            Assert.Equal((true, 10L), (lake.Stats.DuplicateKeysFromCache, lake.Stats.DuplicatesLeftOut["events"]));
            Assert.Equal(10, Query.Count(again, "select count(*) from events"));
        }

        // A third delivery of the batch: another set of objects, so the keys are found again and count it.
        await archive.ArchiveAsync(bucket, Nov1.AddHours(2), [.. batch, SampleEvents.Line(50, Nov1)]);
        await using var grown = await lake.OpenAsync(PartitionFilter.All);
        Assert.Equal((false, 20L), (lake.Stats.DuplicateKeysFromCache, lake.Stats.DuplicatesLeftOut["events"]));
        Assert.Equal(11, Query.Count(grown, "select count(*) from events"));
    }

    [Fact]
    public async Task Without_duplicates_events_is_events_raw()
    {
        var bucket = await archive.NewBucketAsync();
        await archive.ArchiveAsync(bucket, Nov1, SampleEvents.Lines(0, 10, Nov1));
        await archive.ArchiveAsync(bucket, Nov1.AddHours(1), SampleEvents.Lines(10, 10, Nov1));

        var lake = archive.NewLake(bucket);
        await using var connection = await lake.OpenAsync(PartitionFilter.All);

        Assert.Equal(0, lake.Stats.DuplicatesLeftOut.GetValueOrDefault("events"));
        Assert.Equal(Query.Scalar(connection, "select string_agg(event_id, ',' order by event_id) from events_raw"),
            Query.Scalar(connection, "select string_agg(event_id, ',' order by event_id) from events"));
        Assert.DoesNotContain("duplicate", lake.Stats.ToString());
    }

    [Fact]
    public async Task Lines_without_an_event_id_are_all_kept()
    {
        var bucket = await archive.NewBucketAsync();
        const string noId = """{"event_name":"app_open","event_time":"2026-11-01T09:15:00.000Z"}""";
        await archive.ArchiveAsync(bucket, Nov1, [noId, noId, SampleEvents.Line(1, Nov1), SampleEvents.Line(1, Nov1)]);

        await using var connection = await archive.NewLake(bucket).OpenAsync(PartitionFilter.All);

        Assert.Equal(3, Query.Count(connection, "select count(*) from events"));
        Assert.Equal(2, Query.Count(connection, "select count(*) from events where event_id is null"));
    }
}
