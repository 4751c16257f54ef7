using Sandbox.Load.Integrity;
using Sandbox.Testing;

namespace Sandbox.Load.Tests.Integrity;

/// <summary>The spilled sides compared bucket by bucket and judged, as the end of a load run does (no stack: the sides are filled here).</summary>
public sealed class IdComparisonTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<IReadOnlySet<ulong>> _named = [];

    private static readonly string[] DayIds = Enumerable.Range(0, 5_000).Select(i => $"evt-{i:D6}").ToArray();
    private static readonly string[] ClickIds = DayIds.Where((_, i) => i % 10 == 0).ToArray();

    [Fact]
    public void A_complete_delivery_holds_across_buckets_with_the_archive_s_repeats()
    {
        var buckets = Day();
        Add(buckets.Warehouse, DayIds);
        Add(buckets.Archive, DayIds.Concat(DayIds.Take(300))); // at-least-once
        Add(buckets.ClickTable, ClickIds);

        var result = Judge(buckets);

        Assert.True(result.Holds, string.Join("\n", result.Problems));
        Assert.Equal("warehouse 5,000 rows = 5,000 distinct ids, manifest 5,000 events; archive 5,000 distinct ids; click_logs 500 items, manifest 500 clicks",
            result.Summary);
        Assert.Empty(_named); // the logs are read again only when something is missing
    }

    [Fact]
    public void Missing_ids_are_counted_and_the_first_five_named_in_one_more_pass()
    {
        var buckets = Day();
        var lost = DayIds.Where((_, i) => i % 700 == 3).ToArray(); // 8 ids spread over the buckets
        Add(buckets.Warehouse, DayIds.Except(lost));
        Add(buckets.Archive, DayIds.Except(lost.Take(1)));
        Add(buckets.ClickTable, ClickIds.Skip(1));

        var result = Judge(buckets);

        Assert.False(result.Holds);
        var firstFive = lost.OrderBy(EventIdHash.Of).Take(5).Order(StringComparer.Ordinal);
        Assert.Equal($"warehouse: 4,992 rows, 4,992 distinct event ids, manifest 5,000 events; 8 of the day's ids missing, first {string.Join(", ", firstFive)}, 0 ids not in the day",
            result.Problems[0]);
        Assert.Equal($"archive: 1 of the day's 5,000 ids missing, first {lost[0]}", result.Problems[1]);
        Assert.Equal($"click_logs: 499 items (499 distinct events), manifest 500 clicks, first missing {ClickIds[0]}", result.Problems[2]);
        Assert.True(lost.Take(1).Concat(lost.OrderBy(EventIdHash.Of).Take(5)).Append(ClickIds[0]).Select(EventIdHash.Of).ToHashSet().SetEquals(Assert.Single(_named)));
    }

    [Fact]
    public void Repeated_rows_and_click_items_fail_even_with_every_id_there()
    {
        var buckets = Day();
        Add(buckets.Warehouse, DayIds.Append(DayIds[42]));
        Add(buckets.Archive, DayIds);
        Add(buckets.ClickTable, ClickIds.Append(ClickIds[7]));

        var ids = IdComparison.Of(buckets, IntegrityVerdict.Named);
        var result = IntegrityVerdict.Judge(new DayTotals(DayIds.Length, ClickIds.Length), ids, (5_001, 5_000), NamesOf);

        Assert.Equal((5_001, 5_000), (ids.Warehouse.Rows, ids.Warehouse.Distinct));
        Assert.Equal(new[] { "warehouse: 5,001 rows, 5,000 distinct event ids, manifest 5,000 events; 0 of the day's ids missing, 0 ids not in the day",
            "click_logs: 501 items (500 distinct events), manifest 500 clicks" }, result.Problems);
    }

    [Fact]
    public void Ids_not_in_the_day_are_strangers_counted_per_row()
    {
        var buckets = Day();
        Add(buckets.Warehouse, DayIds.Take(4_998).Concat(["stranger-1", "stranger-2"]));
        Add(buckets.Archive, DayIds.Append("stranger-1").Append("stranger-1"));
        Add(buckets.ClickTable, ClickIds);

        var ids = IdComparison.Of(buckets, IntegrityVerdict.Named);
        var result = Judge(buckets);

        Assert.Equal(2, ids.Warehouse.Strangers);
        Assert.Equal((2, 5_001), (ids.Archive.Strangers, ids.Archive.Distinct));
        Assert.Equal($"warehouse: 5,000 rows, 5,000 distinct event ids, manifest 5,000 events; 2 of the day's ids missing, first {DayIds[4_998]}, {DayIds[4_999]}, 2 ids not in the day",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void Empty_sides_miss_every_id_and_an_empty_day_with_nothing_delivered_holds()
    {
        var buckets = Day();
        var result = Judge(buckets);
        Assert.Equal(new[] { "warehouse: 0 rows, 0 distinct event ids, manifest 5,000 events; 5,000 of the day's ids missing, first "
                      + string.Join(", ", DayIds.OrderBy(EventIdHash.Of).Take(5).Order(StringComparer.Ordinal)) + ", 0 ids not in the day",
            "archive: 5,000 of the day's 5,000 ids missing, first " + string.Join(", ", DayIds.OrderBy(EventIdHash.Of).Take(5).Order(StringComparer.Ordinal)),
            "click_logs: 0 items (0 distinct events), manifest 500 clicks, first missing " + string.Join(", ", ClickIds.OrderBy(EventIdHash.Of).Take(5).Order(StringComparer.Ordinal)) },
            result.Problems);

        using var emptyFolder = new TempFolder();
        var empty = new IdBuckets(emptyFolder.Path, BucketLayout.For(0));
        var nothing = IntegrityVerdict.Judge(new DayTotals(0, 0), IdComparison.Of(empty, IntegrityVerdict.Named), (0, 0), NamesOf);
        Assert.True(nothing.Holds);
        Assert.Equal("warehouse 0 rows = 0 distinct ids, manifest 0 events; archive 0 distinct ids; click_logs 0 items, manifest 0 clicks", nothing.Summary);
    }

    [Fact]
    public void Hashes_either_side_of_a_bucket_boundary_are_compared_in_their_own_bucket()
    {
        var buckets = new IdBuckets(_folder.Sub("ids"), new BucketLayout(1));
        const ulong boundary = 1UL << 63;
        foreach (var hash in new[] { boundary - 1, boundary }) buckets.Day.Add(hash);
        buckets.Warehouse.Add(boundary - 1);
        buckets.Warehouse.Add(boundary + 1); // a stranger where the day has one id
        buckets.Archive.Add(boundary);
        buckets.Archive.Add(0); // a stranger in the first bucket

        var ids = IdComparison.Of(buckets, IntegrityVerdict.Named);

        Assert.Equal(2, ids.DayIds);
        Assert.Equal(new[] { boundary }, ids.Warehouse.FirstMissing);
        Assert.Equal(new[] { boundary - 1 }, ids.Archive.FirstMissing);
        Assert.Equal((1, 1), (ids.Warehouse.Strangers, ids.Archive.Strangers));
    }

    [Fact]
    public async Task The_warehouse_is_asked_for_its_own_count_only_when_the_hashes_show_a_repeat()
    {
        var asked = 0;
        Task<(long, long)> Counted()
        {
            asked++;
            return Task.FromResult((5_001L, 5_000L));
        }
        var distinct = new SideTally(IntegrityVerdict.Named);
        distinct.Add([1, 2, 3], [3, 1, 2]);
        Assert.Equal((3, 3), await IntegrityVerdict.WarehouseRowsAsync(distinct, Counted));
        Assert.Equal(0, asked);

        var repeated = new SideTally(IntegrityVerdict.Named);
        repeated.Add([1, 2, 3], [3, 1, 2, 2]);
        Assert.Equal((5_001, 5_000), await IntegrityVerdict.WarehouseRowsAsync(repeated, Counted));
        Assert.Equal(1, asked);
    }

    /// <summary>The day's ids and clicks spilled into buckets of ~600 ids (written to files, not only buffered).</summary>
    private IdBuckets Day()
    {
        var buckets = new IdBuckets(_folder.Sub("ids"), new BucketLayout(3));
        Add(buckets.Day, DayIds);
        Add(buckets.DayClicks, ClickIds);
        return buckets;
    }

    private static void Add(HashSpill side, IEnumerable<string> ids)
    {
        foreach (var id in ids) side.Add(EventIdHash.Of(id));
    }

    private IntegrityResult Judge(IdBuckets buckets)
    {
        var ids = IdComparison.Of(buckets, IntegrityVerdict.Named);
        return IntegrityVerdict.Judge(new DayTotals(DayIds.Length, ClickIds.Length), ids, (ids.Warehouse.Rows, ids.Warehouse.Distinct), NamesOf);
    }

    private IReadOnlyDictionary<ulong, string> NamesOf(IReadOnlySet<ulong> hashes)
    {
        _named.Add(hashes);
        return DayIds.Where(id => hashes.Contains(EventIdHash.Of(id))).ToDictionary(EventIdHash.Of);
    }

    public void Dispose() => _folder.Dispose();
}
