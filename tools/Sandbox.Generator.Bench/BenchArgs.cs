namespace Sandbox.Generator.Bench;

public sealed record BenchArgs(string Output, long CeilingRows, long Events, long GzipEvents, long ValidateEvents, int Users, int Threads, string[] Stages, string? Stage)
{
    public static BenchArgs Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new BenchArgs(
            Get("--out", Path.Combine(Path.GetTempPath(), "sandbox-generator-bench")),
            long.Parse(Get("--ceiling-rows", "5000000")),
            long.Parse(Get("--events", "10000000")),
            long.Parse(Get("--gzip-events", "30000000")),
            long.Parse(Get("--validate-events", "200000")),
            int.Parse(Get("--users", "2000000")),
            int.Parse(Get("--threads", "2")),
            Get("--stages", "ceiling,plain,gzip,validate").Split(','),
            args.Contains("--stage") ? Get("--stage", "") : null);
    }
}
