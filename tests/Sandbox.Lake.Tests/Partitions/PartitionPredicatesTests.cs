using Sandbox.Lake.Partitions;

namespace Sandbox.Lake.Tests.Partitions;

public sealed class PartitionPredicatesTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1), Nov3 = new(2026, 11, 3);

    [Theory]
    [InlineData("select * from events where dt = '2026-11-01'", "2026-11-01", "2026-11-01")]
    [InlineData("select * from events e where e.dt between '2026-11-01' and '2026-11-03' group by 1", "2026-11-01", "2026-11-03")]
    [InlineData("select * from events where dt >= '2026-11-01' and dt < '2026-11-04'", "2026-11-01", "2026-11-03")]
    [InlineData("select * from events where dt > '2026-10-31' and dt <= '2026-11-03' and event_name = 'x'", "2026-11-01", "2026-11-03")]
    [InlineData("select * from events where \"dt\" in ('2026-11-03', '2026-11-01') limit 5", "2026-11-01", "2026-11-03")]
    [InlineData("SELECT * FROM events WHERE DT = DATE '2026-11-01'", "2026-11-01", "2026-11-01")]
    public void Recognised_dt_forms_give_the_day_range(string sql, string from, string to)
    {
        var filter = PartitionPredicates.FromSql(sql);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (filter.From, filter.To));
    }

    [Theory]
    [InlineData("select * from events where dt = '2026-11-01' and hour = 9", 9, 9)]
    [InlineData("select * from events where dt = '2026-11-01' and hour between 3 and 5", 3, 5)]
    [InlineData("select * from events where hour >= '10' and hour < 12", 10, 11)]
    public void Recognised_hour_forms_give_the_hour_range(string sql, int first, int last)
    {
        var filter = PartitionPredicates.FromSql(sql);

        Assert.Equal((first, last), (filter.FirstHour, filter.LastHour));
    }

    [Theory]
    [InlineData("select * from events")]
    [InlineData("select * from events where dt = '2026-11-01' or event_name = 'x'")]
    [InlineData("select * from events where not dt = '2026-11-01'")]
    [InlineData("select * from events where dt <> '2026-11-01'")]
    [InlineData("select * from events where dt = '11/01/2026'")]
    [InlineData("select * from events where dt = '2026-11-01' union all select * from events")]
    [InlineData("select * from events e join processing_failed p on true where p.dt = '2026-11-01'")]
    [InlineData("select (select count(*) from processing_failed) from events where dt = '2026-11-01'")]
    [InlineData("select case when dt = '2026-11-01' then 1 end from events where event_name = 'x'")]
    [InlineData("select * from events where event_name = 'dt = ''2026-11-01'''")]
    public void Anything_else_reads_all_partitions(string sql)
    {
        Assert.True(PartitionPredicates.FromSql(sql).IsAll);
    }

    [Fact]
    public void Contradicting_predicates_read_nothing()
    {
        Assert.True(PartitionPredicates.FromSql("select * from events where dt = '2026-11-01' and dt = '2026-11-03'").IsEmpty);
    }

    [Fact]
    public void A_filter_contains_only_partitions_in_both_ranges()
    {
        var filter = new PartitionFilter(Nov1, Nov3, 9, 10);

        Assert.True(filter.Contains(new HourPartition(Nov3, 9)));
        Assert.False(filter.Contains(new HourPartition(Nov3, 11)));
        Assert.False(filter.Contains(new HourPartition(Nov3.AddDays(1), 9)));
    }
}
