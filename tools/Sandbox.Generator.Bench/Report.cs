namespace Sandbox.Generator.Bench;

/// <summary>The markdown block pasted into docs/BENCHMARKS.md: per stage the medians over the rounds, ratios as medians of per-round ratios.</summary>
public static class Report
{
    public static void Print(IReadOnlyList<List<StageResult>> rounds, BenchArgs options)
    {
        var stages = rounds[0].Select(r => r.Stage).Distinct().OrderBy(Order).ToList();
        Console.WriteLine();
        Console.WriteLine($"Medians of {rounds.Count} interleaved rounds; ratios = median of the per-round ratios to the ceiling of the same round.");
        Console.WriteLine();
        Console.WriteLine("| Stage | Rows | Threads | Wall s | Rows/s (wall) | x ceiling (wall) | CPU s | Rows per CPU-s | x ceiling (CPU) | Bytes/row | Peak RSS MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var stage in stages)
        {
            var runs = rounds.Select(r => r.First(x => x.Stage == stage)).ToList();
            var ceiling = BenchArgs.Ceilings.TryGetValue(stage, out var c) && rounds[0].Any(x => x.Stage == c) ? c : null;
            string Ratio(Func<StageResult, double> rate) => BenchArgs.Ceilings.Values.Contains(stage) ? "1.00" : ceiling is null ? "" :
                $"**{Median(rounds.Select(r => rate(r.First(x => x.Stage == stage)) / rate(r.First(x => x.Stage == ceiling)))):N2}**";
            var r = runs[0];
            Console.WriteLine($"| {Name(stage)} | {r.Rows:N0} | {r.Threads} | {Median(runs.Select(x => x.Seconds)):N1} | {Median(runs.Select(x => x.RowsPerSecond)):N0} | " +
                              $"{Ratio(x => x.RowsPerSecond)} | {Median(runs.Select(x => x.CpuSeconds)):N1} | {Median(runs.Select(x => x.RowsPerCpuSecond)):N0} | {Ratio(x => x.RowsPerCpuSecond)} | " +
                              $"{(double)r.Bytes / r.Rows:N0} | {runs.Max(x => x.PeakRssBytes) / 1048576.0:N0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"users {options.Users:N0}, {Environment.ProcessorCount} cores, load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static int Order(string stage) => stage switch { "ceiling" => 0, "plain" => 1, "ceiling-gzip" => 2, "gzip" => 3, _ => 4 };

    private static string Name(string stage) => stage switch
    {
        "ceiling" => "ceiling: random rows, generator's encoder and file sink -> hourly JSONL",
        "plain" => "generator -> hourly JSONL",
        "ceiling-gzip" => "ceiling: the same -> hourly JSONL.gz (Fastest)",
        "gzip" => "generator -> hourly JSONL.gz (Fastest)",
        "validate-compiled" => "validate lines: compiled plan (EventValidator)",
        _ => "validate lines: JsonSchema.Net 8.0.5, exported schemas",
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
