namespace Sandbox.Load.Reporting;

/// <summary>One run of `--shards auto`: a shard count over the peak window (the search) or over the whole day (the confirmation).</summary>
public sealed record ShardStep(int Shards, bool OverWindow);

/// <summary>
/// The order of `--shards auto`'s runs. SEARCH over the peak window from the quota estimate: a count
/// that held tries one fewer, one that did not tries one more, until the boundary (a count that held
/// whose next smaller did not, or 1) or <see cref="MaxWindowRuns"/>. CONFIRM over the whole day at the
/// smallest count that held the window; a day that does not hold tries one more, up to
/// <see cref="MaxDayRuns"/> day runs (an hour each at 24x). No stack here: the runs' outcomes are fed in.
/// </summary>
public sealed class ShardSearch(int start, bool confirm)
{
    public const int MaxWindowRuns = 6, MaxDayRuns = 2;

    private readonly SortedDictionary<int, bool> _window = [];
    private readonly List<(int Shards, bool Held)> _day = [];

    public ShardStep First { get; } = new(Math.Max(1, start), OverWindow: true);

    /// <summary>Whether the whole day is replayed after the search (not under --window peak).</summary>
    public bool Confirms => confirm;

    /// <summary>The window's held count whose next smaller did not hold (or 1); null while not found.</summary>
    public int? Boundary => _window.Where(kv => kv.Value && (kv.Key == 1 || _window.GetValueOrDefault(kv.Key - 1, true) == false)).Select(kv => (int?)kv.Key).FirstOrDefault();

    /// <summary>The smallest count that held the window: the boundary when found, else the least tried that held.</summary>
    public int? SmallestHeldOverWindow => _window.Where(kv => kv.Value).Select(kv => (int?)kv.Key).FirstOrDefault();

    public IReadOnlyList<(int Shards, bool Held)> DayRuns => _day;

    /// <summary>The run after <paramref name="done"/> ended with <paramref name="held"/>; null when the search is over.</summary>
    public ShardStep? Next(ShardStep done, bool held)
    {
        if (!done.OverWindow)
        {
            _day.Add((done.Shards, held));
            return !held && _day.Count < MaxDayRuns ? new ShardStep(done.Shards + 1, OverWindow: false) : null;
        }
        _window[done.Shards] = held;
        var next = held ? done.Shards - 1 : done.Shards + 1;
        if (Boundary is null && next >= 1 && !_window.ContainsKey(next) && _window.Count < MaxWindowRuns)
            return new ShardStep(next, OverWindow: true);
        return confirm && SmallestHeldOverWindow is { } smallest ? new ShardStep(smallest, OverWindow: false) : null;
    }
}
