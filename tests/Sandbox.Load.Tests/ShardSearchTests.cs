using Sandbox.Load.Reporting;

namespace Sandbox.Load.Tests;

public class ShardSearchTests
{
    /// <summary>The steps the search takes when a count holds the window from <paramref name="windowNeeds"/> shards and the day from <paramref name="dayNeeds"/>.</summary>
    private static List<string> Steps(ShardSearch search, int windowNeeds, int dayNeeds)
    {
        var steps = new List<string>();
        for (var step = search.First; step is not null; step = search.Next(step, step.Shards >= (step.OverWindow ? windowNeeds : dayNeeds)))
            steps.Add($"{(step.OverWindow ? "peak" : "day")} {step.Shards}");
        return steps;
    }

    [Fact]
    public void A_start_that_holds_tries_fewer_until_one_does_not_then_confirms_the_boundary_over_the_day()
    {
        var search = new ShardSearch(start: 5, confirm: true);
        Assert.Equal(["peak 5", "peak 4", "peak 3", "peak 2", "day 3"], Steps(search, windowNeeds: 3, dayNeeds: 3));
        Assert.Equal(3, search.Boundary);
        Assert.Equal([(3, true)], search.DayRuns);
    }

    [Fact]
    public void A_start_that_does_not_hold_tries_more_until_one_does()
    {
        var search = new ShardSearch(start: 2, confirm: true);
        Assert.Equal(["peak 2", "peak 3", "peak 4", "day 4"], Steps(search, windowNeeds: 4, dayNeeds: 1));
        Assert.Equal(4, search.Boundary);
    }

    [Fact]
    public void One_shard_that_holds_is_the_boundary_and_a_start_below_one_starts_at_one()
    {
        Assert.Equal(["peak 2", "peak 1", "day 1"], Steps(new ShardSearch(2, confirm: true), windowNeeds: 1, dayNeeds: 1));
        Assert.Equal(["peak 1", "day 1"], Steps(new ShardSearch(0, confirm: true), windowNeeds: 1, dayNeeds: 1));
    }

    [Fact]
    public void A_day_that_does_not_hold_at_the_windows_count_tries_one_more_then_stops_at_the_cap()
    {
        Assert.Equal(["peak 3", "peak 2", "day 3", "day 4"], Steps(new ShardSearch(3, confirm: true), windowNeeds: 3, dayNeeds: 4));
        var capped = new ShardSearch(3, confirm: true);
        Assert.Equal(["peak 3", "peak 2", "day 3", "day 4"], Steps(capped, windowNeeds: 3, dayNeeds: 9));
        Assert.Equal(ShardSearch.MaxDayRuns, capped.DayRuns.Count);
        Assert.All(capped.DayRuns, run => Assert.False(run.Held));
    }

    [Fact]
    public void A_window_no_count_holds_stops_at_the_cap_without_a_day_run()
    {
        var search = new ShardSearch(1, confirm: true);
        Assert.Equal(["peak 1", "peak 2", "peak 3", "peak 4", "peak 5", "peak 6"], Steps(search, windowNeeds: 50, dayNeeds: 50));
        Assert.Null(search.Boundary);
        Assert.Null(search.SmallestHeldOverWindow);
    }

    [Fact]
    public void Without_the_confirmation_the_search_ends_at_the_boundary()
    {
        Assert.Equal(["peak 4", "peak 3", "peak 2"], Steps(new ShardSearch(4, confirm: false), windowNeeds: 3, dayNeeds: 3));
    }
}
