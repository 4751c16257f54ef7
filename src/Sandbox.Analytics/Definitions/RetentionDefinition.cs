namespace Sandbox.Analytics.Definitions;

/// <summary>
/// Day-N retention: the cohort of a day is the users whose first <see cref="CohortEvent"/> happened
/// that day; they are retained on day N when they have any event N days later (within the range).
/// </summary>
public sealed record RetentionDefinition(DateRange Range, int MaxAge = 30, string CohortEvent = "app_install")
{
    public void Validate()
    {
        if (MaxAge is < 1 or > 366) throw new ArgumentException($"retention: max age {MaxAge} must be within 1..366 days");
        EventNames.EnsureValid(CohortEvent, "retention cohort event");
    }
}
