namespace Sandbox.Generator.Bench;

/// <summary>The markdown block pasted into docs/BENCHMARKS.md.</summary>
public static class Report
{
    public static void Print(IReadOnlyList<StageResult> results, BenchArgs options)
    {
        var ceiling = results.First(r => r.Stage == "ceiling");
        Console.WriteLine();
        Console.WriteLine("| Stage | Rows | Threads | Wall s | Rows/s (wall) | x ceiling (wall) | CPU s | Rows per CPU-s | Bytes/row | Peak RSS MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var name = r.Stage switch
            {
                "ceiling" => "ceiling: System.Random rows -> Utf8JsonWriter JSONL",
                "plain" => "generator -> hourly JSONL",
                "gzip" => "generator -> hourly JSONL.gz (Fastest)",
                "validate-compiled" => "validate lines: compiled plan (EventValidator)",
                _ => "validate lines: JsonSchema.Net 8.0.5, exported schemas",
            };
            Console.WriteLine($"| {name} | {r.Rows:N0} | {r.Threads} | {r.Seconds:N1} | {r.RowsPerSecond:N0} | {r.RowsPerSecond / ceiling.RowsPerSecond:N2} | {r.CpuSeconds:N1} | {r.RowsPerCpuSecond:N0} | {(double)r.Bytes / r.Rows:N0} | {r.PeakRssBytes / 1048576.0:N0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"users {options.Users:N0}, {Environment.ProcessorCount} cores, load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
