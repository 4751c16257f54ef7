namespace Sandbox.Load.Reporting;

/// <summary>
/// The sentence `--shards auto` ends with: the count, the peak window's boundary evidence (the count
/// that held and the next smaller one's failure) and what the whole day said at that count.
/// </summary>
public static class AutoShardVerdict
{
    /// <summary>The count to run with (null when none held), and the sentence with the evidence of both phases.</summary>
    public static (int? Shards, string Text) Decide(ShardSearch search, IReadOnlyList<(ShardStep Step, ShardEvaluation Evaluation)> runs, string window, string day)
    {
        var overWindow = runs.Where(r => r.Step.OverWindow).Select(r => r.Evaluation).ToList();
        var overDay = runs.Where(r => !r.Step.OverWindow).Select(r => r.Evaluation).ToList();
        if (search.SmallestHeldOverWindow is not { } smallest)
            return (null, overWindow.Count == 0 ? $"no run over {window} finished: no verdict"
                : $"no shard count tried held {window} ({string.Join(", ", overWindow.Select(e => e.Shards))}): try more shards");
        var windowPart = WindowEvidence(search, overWindow, smallest, window);
        if (overDay.Count == 0)
            return (smallest, $"{Count(smallest)}: {windowPart}; {day} was not replayed "
                              + (search.Confirms ? "(the runs ended before the confirmation)" : "(--window peak: run --shards auto without it to confirm)"));
        var last = overDay[^1];
        var failedDay = overDay.Where(e => !e.Held).ToList();
        var dayFailures = string.Join("; ", failedDay.Select(e => $"{e.Shards} did not ({string.Join("; ", e.Evidence)})"));
        if (last.Held)
            return (last.Shards, $"{Count(last.Shards)}: {windowPart}; over {day} "
                                 + (failedDay.Count == 0 ? $"{last.Shards} held" : $"{dayFailures}, {last.Shards} held"));
        return (null, $"no verdict: {windowPart}; over {day} {dayFailures}: try --shards {last.Shards + 1} over the whole day");
    }

    private static string Count(int shards) => shards == 1 ? "1 shard" : $"{shards} shards";

    private static string WindowEvidence(ShardSearch search, List<ShardEvaluation> overWindow, int smallest, string window)
    {
        if (search.Boundary is not { } boundary)
            return $"over {window} {smallest} held, fewer were not tried (the search stopped after {overWindow.Count} runs)";
        if (boundary == 1) return $"over {window} 1 held (1 is the least there is)";
        var below = overWindow.Last(e => e.Shards == boundary - 1);
        return $"over {window} {boundary} held, {boundary - 1} did not ({string.Join("; ", below.Evidence)})";
    }
}
