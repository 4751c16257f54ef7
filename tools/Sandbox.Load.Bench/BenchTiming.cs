using System.Diagnostics;

namespace Sandbox.Load.Bench;

/// <summary>What every micro-bench here shares: the day's lines, CPU time of one piece of work, medians.</summary>
internal static class BenchTiming
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>The first <paramref name="count"/> lines of a generated day, in file order.</summary>
    public static IEnumerable<string> DayLines(string day, int count) =>
        Directory.EnumerateFiles(day, "*.log", SearchOption.AllDirectories).Order().SelectMany(File.ReadLines).Take(count);

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
