namespace Sandbox.Generator.Bench;

/// <summary>One timed stage; printed by the child process as a tab-separated line the driver parses.</summary>
public sealed record StageResult(string Stage, long Rows, double Seconds, long Bytes, int Threads, long PeakRssBytes = 0, double CpuSeconds = 0)
{
    public const string Prefix = "RESULT\t";

    public double RowsPerSecond => Rows / Seconds;

    public double RowsPerCpuSecond => Rows / CpuSeconds;

    public string ToLine() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Prefix}{Stage}\t{Rows}\t{Seconds:F3}\t{Bytes}\t{Threads}\t{PeakRssBytes}\t{CpuSeconds:F3}");

    public static StageResult? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var f = line[Prefix.Length..].Split('\t');
        return new StageResult(f[0], long.Parse(f[1]), double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(f[3]), int.Parse(f[4]), long.Parse(f[5]), double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>User + system CPU time of this process so far: a figure the machine's noise distorts less than wall time.</summary>
    public static double CpuSecondsSoFar() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Peak resident set of this process (VmHWM), the figure the 1 GiB budget is about.</summary>
    public static long ReadPeakRss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        return 0;
    }
}
