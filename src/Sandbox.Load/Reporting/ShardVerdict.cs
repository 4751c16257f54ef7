using Sandbox.Load.Day;
using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Reporting;

/// <summary>Whether one run's shard count held the load, and why (each reason a sentence with its numbers).</summary>
public sealed record ShardEvaluation(int Shards, bool Held, IReadOnlyList<string> Evidence);

/// <summary>
/// The shard-sizing verdict: a shard count held when no <see cref="Sustained"/> consecutive points
/// had throttled records, the shipper's backlog did not grow over as many points to more than
/// <see cref="BacklogLimit"/> of input, and no consumer's
/// iterator age grew over as many points to more than <see cref="LagLimit"/>. The verdict is the
/// smallest count that held, with the next smaller one's failure as the evidence it is the smallest.
/// </summary>
public static class ShardVerdict
{
    public const int Sustained = 3;
    public static readonly TimeSpan LagLimit = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan BacklogLimit = TimeSpan.FromSeconds(30);

    /// <summary>Kinesis' per-shard write quota: 1,000 records/s and 1 MiB/s.</summary>
    public const double RecordsPerShard = 1_000, BytesPerShard = 1 << 20;

    public static ShardEvaluation Evaluate(LoadRunResult run)
    {
        var points = run.Points;
        var evidence = new List<string>();
        var held = true;
        if (Longest(points, p => p.Throttled > 0) is { Length: >= Sustained } throttled)
        {
            held = false;
            evidence.Add($"throttled records in {throttled.Length} consecutive points from {At(throttled[0])} ({throttled.Sum(p => p.Throttled ?? 0):N0} records)");
        }
        // Material growth only: a backlog past 30 s of input (a few seconds of it is the shipper's flush interval).
        if (Growing(points, p => p.ShipperBacklog) is { } backlog && backlog[^1].ShipperBacklog > BacklogLimit.TotalSeconds * (backlog[^1].InputPerSecond ?? 0))
        {
            held = false;
            evidence.Add($"the shipper's backlog grew over {backlog.Length} points from {At(backlog[0])}, to {backlog[^1].ShipperBacklog:N0} lines");
        }
        foreach (var consumer in IteratorAges.Consumers.Select(c => c.Consumer))
        {
            if (Growing(points, p => p.MaxIteratorAgeMs(consumer)) is { } lag && lag[^1].MaxIteratorAgeMs(consumer) > LagLimit.TotalMilliseconds)
            {
                held = false;
                evidence.Add($"{consumer}'s iterator age grew over {lag.Length} points from {At(lag[0])}, to {lag[^1].MaxIteratorAgeMs(consumer) / 1000.0:N0} s");
            }
        }
        if (held)
        {
            var peak = points.MaxBy(p => p.InputPerSecond ?? p.PutRecordsPerSecond);
            evidence.Add($"no sustained throttling, backlog or lag growth; peak point {At(peak)}: {peak?.PutRecordsPerSecond:N0} records/s stored, "
                         + $"max iterator age {points.Select(p => p.MaxIteratorAgeMs()).DefaultIfEmpty(0).Max() / 1000.0:N1} s");
        }
        if (run.Throttled is null) evidence.Add("the shipper does not report throttled records per interval here: judged by backlog and lag");
        return new ShardEvaluation(run.Shards, held, evidence);
    }

    /// <summary>The smallest count that held, or null; the sentence that says it with the evidence.</summary>
    public static (int? Shards, string Text) Decide(IReadOnlyList<ShardEvaluation> evaluations)
    {
        var held = evaluations.Where(e => e.Held).OrderBy(e => e.Shards).FirstOrDefault();
        if (held is null)
            return (null, $"no shard count tried held the peak ({string.Join(", ", evaluations.Select(e => e.Shards))}): try more shards");
        var below = evaluations.Where(e => !e.Held && e.Shards < held.Shards).MaxBy(e => e.Shards);
        return (held.Shards, below is null
            ? $"{held.Shards} shards held the peak; {(held.Shards == 1 ? "1 is the least there is" : "fewer were not tried (--shards auto tries them)")}"
            : $"{held.Shards} shards held the peak, {below.Shards} did not: {string.Join("; ", below.Evidence)}");
    }

    /// <summary>The quota arithmetic for the day's busiest hour at a speed-up: where --shards auto starts.</summary>
    public static int Estimate(LoadDay day, double speed)
    {
        var (_, eventsPerSecond, bytesPerSecond) = day.PeakHour();
        return Math.Max(1, (int)Math.Ceiling(Math.Max(eventsPerSecond * speed / RecordsPerShard, bytesPerSecond * speed / BytesPerShard)));
    }

    private static string At(LoadPoint? point) => point is null ? "-" : $"{TimeSpan.FromSeconds(point.AtSeconds):hh\\:mm\\:ss}";

    private static LoadPoint[] Longest(IReadOnlyList<LoadPoint> points, Func<LoadPoint, bool> bad)
    {
        LoadPoint[] best = [];
        var run = new List<LoadPoint>();
        foreach (var point in points)
        {
            if (bad(point)) run.Add(point);
            else run.Clear();
            if (run.Count > best.Length) best = [.. run];
        }
        return best;
    }

    /// <summary>The longest stretch of at least <see cref="Sustained"/> points where the value rose at each point.</summary>
    private static LoadPoint[]? Growing(IReadOnlyList<LoadPoint> points, Func<LoadPoint, long> value)
    {
        LoadPoint[]? best = null;
        var run = new List<LoadPoint>();
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0 && value(points[i]) > value(points[i - 1])) { if (run.Count == 0) run.Add(points[i - 1]); run.Add(points[i]); }
            else run.Clear();
            if (run.Count > Sustained && run.Count > (best?.Length ?? 0)) best = [.. run];
        }
        return best;
    }
}
