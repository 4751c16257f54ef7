using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Tests.Support;

namespace Sandbox.Analytics.Tests;

/// <summary>Funnel modes on hand-made users, each test on its own day, on both engines.</summary>
public sealed class FunnelSemanticsTests(EmptyEnginesFixture engines) : IClassFixture<EmptyEnginesFixture>
{
    private static readonly string[] Steps = ["search", "view_product", "click_product_link"];

    public static TheoryData<string> Engines => new() { "warehouse", "lake" };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Ordered_allows_other_events_between_steps_but_not_steps_out_of_order(string engine)
    {
        var day = new DateOnly(2025, 1, 1);
        var result = await RunAsync(engine, day, new FunnelDefinition("f", Steps, DateRange.Day(day)),
            User("a", day, "search", "share", "view_product", "click_product_link"),
            User("b", day, "view_product", "search", "click_product_link"),
            User("c", day, "search", "search", "view_product"));
        Assert.Equal([3L, 2, 1], result.ForDay(day));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Strict_breaks_at_any_other_event_of_the_user(string engine)
    {
        var day = new DateOnly(2025, 1, 2);
        var result = await RunAsync(engine, day, new FunnelDefinition("f", Steps, DateRange.Day(day), FunnelOrder.Strict),
            User("a", day, "search", "view_product", "click_product_link"),
            User("b", day, "search", "share", "view_product", "click_product_link"),
            User("c", day, "search", "view_product", "share", "click_product_link"));
        Assert.Equal([3L, 2, 1], result.ForDay(day));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Any_order_counts_how_many_distinct_steps_a_user_did(string engine)
    {
        var day = new DateOnly(2025, 1, 3);
        var result = await RunAsync(engine, day, new FunnelDefinition("f", Steps, DateRange.Day(day), FunnelOrder.AnyOrder),
            User("a", day, "click_product_link", "search", "view_product"),
            User("b", day, "view_product"),
            User("c", day, "click_product_link", "click_product_link", "view_product"));
        Assert.Equal([3L, 2, 1], result.ForDay(day));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Conversion_window_counts_steps_up_to_its_end_inclusive(string engine)
    {
        var day = new DateOnly(2025, 1, 4);
        var ten = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var funnel = new FunnelDefinition("f", Steps, DateRange.Day(day), ConversionWindow: TimeSpan.FromHours(1));
        var result = await RunAsync(engine, day, funnel,
            [
                EventRow.Make("a", "search", ten), EventRow.Make("a", "view_product", ten.AddMinutes(30)),
                EventRow.Make("a", "click_product_link", ten.AddMinutes(61)),
                EventRow.Make("b", "search", ten), EventRow.Make("b", "view_product", ten.AddHours(1)),
                EventRow.Make("b", "click_product_link", ten.AddHours(1).AddMilliseconds(1)),
            ]);
        Assert.Equal([2L, 2, 0], result.ForDay(day));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Breakdown_takes_the_value_of_the_first_step(string engine)
    {
        var day = new DateOnly(2025, 1, 5);
        var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var funnel = new FunnelDefinition("f", Steps, DateRange.Day(day), Breakdown: FunnelBreakdown.Platform);
        var result = await RunAsync(engine, day, funnel,
            [
                EventRow.Make("a", "search", noon, platform: "ios"), EventRow.Make("a", "view_product", noon.AddMinutes(1), platform: "android"),
                EventRow.Make("b", "search", noon, platform: "android"),
            ]);
        Assert.Equal([("android", [1L, 0, 0]), ("ios", [1L, 1, 0])], result.Rows.Select(r => (r.Breakdown!, r.Users.ToArray())));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Day_scope_resets_at_midnight_and_range_scope_follows_the_window_across_it(string engine)
    {
        var day = new DateOnly(2025, 1, 6);
        var lateEvening = day.ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc);
        var range = new DateRange(day, day.AddDays(1));
        var events = new[] { EventRow.Make("a", "search", lateEvening), EventRow.Make("a", "view_product", lateEvening.AddMinutes(40)) };
        var perDay = await RunAsync(engine, day, new FunnelDefinition("f", Steps, range), events);
        var queries = engine == "warehouse" ? engines.Warehouse : engines.Lake;
        var acrossMidnight = await queries.FunnelAsync(new FunnelDefinition("f", Steps, range, Scope: FunnelScope.Range, ConversionWindow: TimeSpan.FromHours(1)));
        Assert.Equal([1L, 0, 0], perDay.ForDay(day));
        Assert.Equal([0L, 0, 0], perDay.ForDay(day.AddDays(1)));
        Assert.Equal([1L, 1, 0], acrossMidnight.ForDay(day));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Steps_in_the_same_millisecond_count_in_step_order(string engine)
    {
        var day = new DateOnly(2025, 1, 8);
        var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var result = await RunAsync(engine, day, new FunnelDefinition("f", Steps, DateRange.Day(day)),
            [EventRow.Make("a", "view_product", noon), EventRow.Make("a", "search", noon)]);
        Assert.Equal([1L, 1, 0], result.ForDay(day));
    }

    [Fact]
    public void A_definition_with_a_repeated_step_is_rejected_naming_the_funnel()
    {
        var funnel = new FunnelDefinition("checkout", ["search", "search"], DateRange.Day(new DateOnly(2025, 1, 1)));
        var error = Assert.Throws<ArgumentException>(funnel.Validate);
        Assert.Contains("funnel 'checkout': a step repeats", error.Message);
    }

    [Fact]
    public void An_event_name_that_is_not_snake_case_is_rejected_before_it_reaches_sql()
    {
        var funnel = new FunnelDefinition("f", ["search", "x'; drop table events; --"], DateRange.Day(new DateOnly(2025, 1, 1)));
        Assert.Contains("is not snake_case", Assert.Throws<ArgumentException>(funnel.Validate).Message);
    }

    private async Task<Results.FunnelResult> RunAsync(string engine, DateOnly day, FunnelDefinition funnel, IReadOnlyList<EventRow> events) =>
        await (await engines.LoadAsync(engine, events)).FunnelAsync(funnel);

    private Task<Results.FunnelResult> RunAsync(string engine, DateOnly day, FunnelDefinition funnel, params EventRow[][] users) =>
        RunAsync(engine, day, funnel, users.SelectMany(u => u).ToList());

    /// <summary>One user's events a minute apart from 09:00.</summary>
    private static EventRow[] User(string actor, DateOnly day, params string[] names) =>
        names.Select((n, i) => EventRow.Make(actor, n, day.ToDateTime(new TimeOnly(9, i), DateTimeKind.Utc))).ToArray();
}
