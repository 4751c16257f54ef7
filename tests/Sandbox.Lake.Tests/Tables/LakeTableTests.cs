using Sandbox.Lake.Partitions;
using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Tests.Tables;

public sealed class LakeTableTests
{
    [Fact]
    public void Events_keys_give_their_day_and_hour()
    {
        Assert.Equal(new HourPartition(new DateOnly(2026, 11, 1), 23),
            ArchiveTables.Events.PartitionOf("2026/11/01/23/to-archive-1-2026-11-01-23-59-58-0a1b.gz"));
    }

    [Theory]
    [InlineData("processing-failed/2026/11/01/23/to-archive-1-2026-11-01-23-59-58-0a1b.gz")]
    [InlineData("2026/11/01/to-archive-1.gz")]
    [InlineData("2026/13/01/00/to-archive-1.gz")]
    [InlineData("2026/11/01/24/to-archive-1.gz")]
    [InlineData("2026/11/01/00/notes.txt")]
    public void Other_keys_are_not_events(string key)
    {
        Assert.Null(ArchiveTables.Events.PartitionOf(key));
    }

    [Fact]
    public void The_error_prefix_is_the_processing_failed_table()
    {
        Assert.Equal(new HourPartition(new DateOnly(2026, 11, 1), 5),
            ArchiveTables.ProcessingFailed.PartitionOf("processing-failed/2026/11/01/05/to-archive-1-2026-11-01-05-00-00-0a1b.gz"));
    }

    [Fact]
    public void Partition_columns_cannot_be_redefined()
    {
        Assert.Throws<ArgumentException>(() => new LakeTable("t", "", [new LakeColumn("dt", "VARCHAR")]));
    }

    [Fact]
    public void A_distinct_key_must_be_one_of_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => new LakeTable("t", "", [new LakeColumn("id", "VARCHAR")], new DistinctBy("event_id", ["dt"])));

        Assert.Contains("distinct-by column 'event_id'", error.Message);
    }

    [Fact]
    public void Events_keeps_one_row_per_event_id_and_its_raw_view_every_record()
    {
        Assert.Equal(("events", "events_raw", "event_id"), (ArchiveTables.Events.Name, ArchiveTables.Events.RawName, ArchiveTables.Events.Distinct?.Key));
        Assert.Equal("processing_failed", ArchiveTables.ProcessingFailed.RawName);
    }
}
