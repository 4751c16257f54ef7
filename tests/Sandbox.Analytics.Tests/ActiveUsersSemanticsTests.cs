using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Results;
using Sandbox.Analytics.Tests.Support;

namespace Sandbox.Analytics.Tests;

/// <summary>DAU / WAU / MAU on hand-made users with gaps between their active days, on both engines.</summary>
public sealed class ActiveUsersSemanticsTests(EmptyEnginesFixture engines) : IClassFixture<EmptyEnginesFixture>
{
    public static TheoryData<string> Engines => new() { "warehouse", "lake" };

    private static readonly DateRange Range = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 12));

    /// <summary>
    /// a: the first day and again nine days later (twice); b: one day in the middle; c: 24 days before the range
    /// (so in the month of the first six days only) and on the last day; d: too long before the range to count at all.
    /// </summary>
    private static readonly EventRow[] Events =
    [
        At("a", 3, 1), At("a", 3, 10), At("a", 3, 10, hour: 18),
        At("b", 3, 5),
        At("c", 2, 5), At("c", 3, 12),
        At("d", 1, 20),
    ];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Each_day_counts_the_distinct_users_active_that_day_and_in_the_7_and_30_days_up_to_it(string engine)
    {
        var active = await (await engines.LoadAsync(engine, Events)).ActiveUsersAsync(Range);

        Assert.Equal(Range.Each().Select(Truth), active);
        // Spot checks written out: b alone in the week of Mar 8; c back in the month on Mar 12 after dropping out on Mar 7.
        Assert.Equal(new ActiveUsersRow(new DateOnly(2025, 3, 8), 0, 1, 2), active.Single(r => r.Day == new DateOnly(2025, 3, 8)));
        Assert.Equal(new ActiveUsersRow(new DateOnly(2025, 3, 12), 1, 2, 3), active[^1]);
        Assert.Equal(new ActiveUsersRow(new DateOnly(2025, 3, 6), 0, 2, 3), active.Single(r => r.Day == new DateOnly(2025, 3, 6)));
    }

    /// <summary>The definition itself: distinct actors with an event on the day, in the 7 days, in the 30 days ending on it.</summary>
    private static ActiveUsersRow Truth(DateOnly day)
    {
        long Users(int days) => Events
            .Where(e => DateOnly.FromDateTime(e.EventTime) is var d && d <= day && d > day.AddDays(-days))
            .Select(e => e.AnonymousId).Distinct().Count();
        return new ActiveUsersRow(day, Users(1), Users(7), Users(30));
    }

    private static EventRow At(string actor, int month, int day, int hour = 9) =>
        EventRow.Make(actor, "app_open", new DateTime(2025, month, day, hour, 0, 0, DateTimeKind.Utc));
}
