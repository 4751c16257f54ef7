namespace Sandbox.Load.Day;

/// <summary>
/// A slice of a day's clock: <see cref="Hours"/> consecutive UTC hours from <see cref="Start"/>.
/// The peak window is what `--shards auto` searches over: the day's shard need is set by its busiest
/// hours, and replaying only them takes minutes where the whole day takes an hour at 24x.
/// </summary>
public sealed record DayWindow(DateTime Start, int Hours)
{
    /// <summary>Hours of the peak window unless --peak-hours says otherwise: the busiest hour and its neighbours.</summary>
    public const int DefaultHours = 3;

    public DateTime End => Start.AddHours(Hours);

    public bool Holds(LogHour hour) => hour.Start >= Start && hour.Start < End;

    /// <summary>
    /// The <paramref name="width"/> consecutive clock hours with the most lines (what the shipper must
    /// carry); ties go to the earliest. Hours without a file count as empty, and a window may run past
    /// the day's last hour: a day shorter than the window is the window whole.
    /// </summary>
    public static DayWindow Busiest(IReadOnlyList<LogHour> hours, int width)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "a window needs at least one hour");
        if (hours.Count == 0) throw new ArgumentException("a day without hours has no window", nameof(hours));
        // The best window can always be moved to start at an hour with a file without losing lines.
        var best = hours[0].Start;
        var bestLines = -1L;
        foreach (var start in hours.Select(h => h.Start).Order())
        {
            var window = new DayWindow(start, width);
            var lines = hours.Where(window.Holds).Sum(h => h.Lines);
            if (lines > bestLines) (best, bestLines) = (start, lines);
        }
        return new DayWindow(best, width);
    }

    public override string ToString() => $"{Start:yyyy-MM-dd HH}:00-{(End.Date == Start.Date ? $"{End:HH}" : $"{End:yyyy-MM-dd HH}")}:00 UTC";
}
