using System.Diagnostics;

namespace Sandbox.Load.Bench;

/// <summary>What every micro-bench here shares: the day's lines, CPU time of one piece of work, medians.</summary>
internal static class BenchTiming
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>The first <paramref name="count"/> lines of a generated day, in file order.</summary>
    public static IEnumerable<string> DayLines(string day, int count) =>
        Directory.EnumerateFiles(day, "*.log", SearchOption.AllDirectories).Order().SelectMany(File.ReadLines).Take(count);

    /// <summary>
    /// One warm-up, then <paramref name="rounds"/> rounds each timing the baseline, then the candidate; prints each
    /// round and the medians per record, the candidate as a ratio of the baseline.
    /// </summary>
    public static void Compare(string baselineName, Action baseline, string candidateName, Action candidate, int rounds, int records)
    {
        var (candidateTimes, baselineTimes) = (new List<double>(), new List<double>());
        for (var round = 0; round <= rounds; round++)
        {
            var before = CpuMs(baseline);
            var after = CpuMs(candidate);
            if (round == 0) continue; // warm-up
            baselineTimes.Add(before);
            candidateTimes.Add(after);
            Console.WriteLine($"round {round}: {baselineName} {before:N0} ms, {candidateName} {after:N0} ms CPU ({after / before:0.00}x)");
        }
        var (c, b) = (Median(candidateTimes), Median(baselineTimes));
        Console.WriteLine($"median CPU: {candidateName} {c:N0} ms ({c * 1000 / records:N2} us/record) vs {baselineName} {b:N0} ms ({b * 1000 / records:N2} us/record): {c / b:0.00}x");
    }

    public static double CpuMs(Action work)
    {
        GC.Collect();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        work();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
