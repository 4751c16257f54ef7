namespace Sandbox.Analytics.Definitions;

/// <summary>The daily numbers posted to Slack: events per day and the counts of the named events.</summary>
public sealed record KpiDefinition(DateRange Range)
{
    public static readonly IReadOnlyList<KpiCounter> Counters =
    [
        new("installs", "app_install", Distinct: true),
        new("signups", "signup", Distinct: false),
        new("posts_viewed", "view_post", Distinct: false),
        new("likes", "like_post", Distinct: false),
        new("reviews", "post_review", Distinct: false),
        new("product_link_clicks", "click_product_link", Distinct: false),
        new("searches", "search", Distinct: false),
    ];
}

/// <param name="Distinct">Count distinct users doing the event rather than events.</param>
public sealed record KpiCounter(string Name, string EventName, bool Distinct);

/// <summary>The most frequent values of one property of one event, e.g. search.query.</summary>
/// <param name="Where">Only events whose property equals this value (e.g. view_product opened from source = search).</param>
public sealed record TopValuesDefinition(DateRange Range, string EventName, string Property, int Limit = 10, PropertyEquals? Where = null)
{
    public void Validate()
    {
        EventNames.EnsureValid(EventName, "top values event");
        EventNames.EnsureValid(Property, "top values property");
        if (Where is not null) EventNames.EnsureValid(Where.Property, "top values filter property");
        if (Limit is < 1 or > 1000) throw new ArgumentException($"top values: limit {Limit} must be within 1..1000");
    }
}

public sealed record PropertyEquals(string Property, string Value);
