using Sandbox.Load.Reporting;

namespace Sandbox.Load.Tests;

public class AutoShardVerdictTests
{
    private const string Window = "the peak window 2026-11-02 13:00-16:00 UTC (3 of the day's 24 hours, 4,000,000 events)";
    private const string Day = "the whole day (24 hours, 30,000,000 events)";

    /// <summary>Runs the search with made-up outcomes; a count that does not hold carries a sentence of evidence naming it.</summary>
    private static (ShardSearch Search, List<(ShardStep, ShardEvaluation)> Runs) Search(int start, bool confirm, int windowNeeds, int dayNeeds)
    {
        var search = new ShardSearch(start, confirm);
        var runs = new List<(ShardStep, ShardEvaluation)>();
        for (var step = search.First; step is not null;)
        {
            var held = step.Shards >= (step.OverWindow ? windowNeeds : dayNeeds);
            runs.Add((step, new ShardEvaluation(step.Shards, held, held ? [] : [$"throttled at {step.Shards}"])));
            step = search.Next(step, held);
        }
        return (search, runs);
    }

    [Fact]
    public void The_verdict_names_the_windows_boundary_with_its_evidence_and_the_whole_days_result()
    {
        var (search, runs) = Search(4, confirm: true, windowNeeds: 3, dayNeeds: 3);
        var (shards, text) = AutoShardVerdict.Decide(search, runs, Window, Day);
        Assert.Equal(3, shards);
        Assert.Equal($"3 shards: over {Window} 3 held, 2 did not (throttled at 2); over {Day} 3 held", text);
    }

    [Fact]
    public void A_day_that_needs_one_more_than_the_window_says_so_and_its_count_is_the_verdict()
    {
        var (search, runs) = Search(3, confirm: true, windowNeeds: 3, dayNeeds: 4);
        var (shards, text) = AutoShardVerdict.Decide(search, runs, Window, Day);
        Assert.Equal(4, shards);
        Assert.EndsWith($"over {Day} 3 did not (throttled at 3), 4 held", text);
    }

    [Fact]
    public void No_count_is_given_when_the_day_never_held_or_the_window_never_held()
    {
        var (search, runs) = Search(3, confirm: true, windowNeeds: 3, dayNeeds: 9);
        var (shards, text) = AutoShardVerdict.Decide(search, runs, Window, Day);
        Assert.Null(shards);
        Assert.StartsWith("no verdict:", text);
        Assert.EndsWith("try --shards 5 over the whole day", text);

        (search, runs) = Search(1, confirm: true, windowNeeds: 50, dayNeeds: 50);
        (shards, text) = AutoShardVerdict.Decide(search, runs, Window, Day);
        Assert.Null(shards);
        Assert.Equal($"no shard count tried held {Window} (1, 2, 3, 4, 5, 6): try more shards", text);
    }

    [Fact]
    public void A_confirmation_that_did_not_finish_is_not_claimed()
    {
        var (search, runs) = Search(4, confirm: true, windowNeeds: 3, dayNeeds: 3);
        var (shards, text) = AutoShardVerdict.Decide(search, runs.Where(r => r.Item1.OverWindow).ToList(), Window, Day);
        Assert.Equal(3, shards);
        Assert.EndsWith($"{Day} was not replayed (the runs ended before the confirmation)", text);
    }

    [Fact]
    public void One_shard_and_a_window_only_search_are_said_as_such()
    {
        var (search, runs) = Search(2, confirm: false, windowNeeds: 1, dayNeeds: 1);
        var (shards, text) = AutoShardVerdict.Decide(search, runs, Window, Day);
        Assert.Equal(1, shards);
        Assert.Equal($"1 shard: over {Window} 1 held (1 is the least there is); {Day} was not replayed (--window peak: run --shards auto without it to confirm)", text);
    }
}
