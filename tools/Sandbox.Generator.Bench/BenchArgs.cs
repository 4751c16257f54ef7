namespace Sandbox.Generator.Bench;

public sealed record BenchArgs(string Output, long Events, long GzipEvents, long ValidateEvents, int Users, int Threads, int Rounds, int? RowBytes, string[] Stages, string? Stage)
{
    private static readonly string[] Known =
        ["--out", "--events", "--gzip-events", "--validate-events", "--users", "--threads", "--rounds", "--row-bytes", "--stages", "--stage"];

    public static BenchArgs Parse(string[] args)
    {
        var unknownOption = args.Where((a, i) => i % 2 == 0 && !Known.Contains(a)).FirstOrDefault();
        if (unknownOption is not null) throw new ArgumentException($"unknown option '{unknownOption}' (known: {string.Join(", ", Known.SkipLast(1))}, each followed by its value)");
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var options = new BenchArgs(
            Get("--out", Path.Combine(Path.GetTempPath(), "sandbox-generator-bench")),
            long.Parse(Get("--events", "10000000")),
            long.Parse(Get("--gzip-events", "10000000")),
            long.Parse(Get("--validate-events", "200000")),
            int.Parse(Get("--users", "2000000")),
            int.Parse(Get("--threads", "2")),
            int.Parse(Get("--rounds", "3")),
            args.Contains("--row-bytes") ? int.Parse(Get("--row-bytes", "")) : null,
            Get("--stages", "plain,ceiling,gzip,ceiling-gzip,validate").Split(','),
            args.Contains("--stage") ? Get("--stage", "") : null);
        var unknown = options.Stages.Except(Ceilings.Keys.Concat(Ceilings.Values).Append("validate")).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--stages: unknown stage(s) {string.Join(", ", unknown)}");
        if (options.Rounds < 1) throw new ArgumentException($"--rounds {options.Rounds}: must be at least 1");
        return options;
    }

    /// <summary>Each generator stage and the ceiling it is judged on (same rows, threads, sink, line size).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ceilings = new Dictionary<string, string>
    {
        ["plain"] = "ceiling",
        ["gzip"] = "ceiling-gzip",
    };
}
