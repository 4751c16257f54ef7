namespace Sandbox.Analytics.Definitions;

/// <summary>UTC calendar days, both ends inclusive.</summary>
public sealed record DateRange
{
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException($"date range: 'to' {to:yyyy-MM-dd} is before 'from' {from:yyyy-MM-dd}");
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public int Days => To.DayNumber - From.DayNumber + 1;

    public static DateRange Day(DateOnly day) => new(day, day);

    public IEnumerable<DateOnly> Each() => Enumerable.Range(0, Days).Select(From.AddDays);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public override string ToString() => From == To ? $"{From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
