namespace Sandbox.Analytics.Definitions;

/// <summary>How steps must follow each other (PostHog's funnel order types).</summary>
public enum FunnelOrder
{
    /// <summary>Steps in order; other events may happen between them.</summary>
    Ordered,
    /// <summary>Steps in order with no other event of the user between them.</summary>
    Strict,
    /// <summary>Steps in any order; step N counts users who did N of the steps.</summary>
    AnyOrder,
}

/// <summary>An envelope column to split a funnel by; the value is taken from the attempt's first step (first touch).</summary>
public enum FunnelBreakdown { None, Platform, AppVersion }

/// <summary>Which events form one attempt of a user.</summary>
public enum FunnelScope
{
    /// <summary>One attempt per user per UTC day, from their first step-1 event that day (the generator manifest's definition).</summary>
    Day,
    /// <summary>One attempt per user over the range, from their first step-1 event in it, counted on that day.</summary>
    Range,
}

/// <summary>
/// A funnel as data, with Amplitude's attempt rule: users are actors (anonymous_id, one per install);
/// an attempt starts at the user's first step-1 event in its scope and reaches step k when steps
/// 1..k follow in the required order (greedy, first match) within the conversion window.
/// </summary>
/// <param name="ConversionWindow">Time allowed from step 1 to the last step; null: no limit beyond the scope.</param>
public sealed record FunnelDefinition(
    string Name,
    IReadOnlyList<string> Steps,
    DateRange Range,
    FunnelOrder Order = FunnelOrder.Ordered,
    FunnelScope Scope = FunnelScope.Day,
    TimeSpan? ConversionWindow = null,
    FunnelBreakdown Breakdown = FunnelBreakdown.None)
{
    /// <summary>Steps are packed with the event time into one sortable bigint (time * 32 + step).</summary>
    public const int MaxSteps = 30;

    public void Validate()
    {
        var where = $"funnel '{Name}'";
        if (Steps.Count is < 2 or > MaxSteps) throw new ArgumentException($"{where}: needs 2 to {MaxSteps} steps, got {Steps.Count}");
        if (Steps.Distinct(StringComparer.Ordinal).Count() != Steps.Count) throw new ArgumentException($"{where}: a step repeats ({string.Join(", ", Steps)})");
        foreach (var step in Steps) EventNames.EnsureValid(step, where);
        if (ConversionWindow is { } w && w <= TimeSpan.Zero) throw new ArgumentException($"{where}: conversion window {w} must be positive");
    }
}
