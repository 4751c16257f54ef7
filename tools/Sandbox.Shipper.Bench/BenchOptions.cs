namespace Sandbox.Shipper.Bench;

internal sealed record BenchOptions(long Events, int Shards, int FlushThreads, int Rounds, int ChunkLimitKb)
{
    public const string Usage = "usage: sandbox-shipper-bench [--events 400000] [--shards 4] [--flush-threads 4] [--rounds 2] [--chunk-limit-kb 1024]";

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, long> { ["--events"] = 400_000, ["--shards"] = 4, ["--flush-threads"] = 4, ["--rounds"] = 2, ["--chunk-limit-kb"] = 1024 };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i])) throw new ArgumentException($"unknown argument '{args[i]}'");
            if (i + 1 >= args.Length || !long.TryParse(args[i + 1], out var value) || value < 1)
                throw new ArgumentException($"{args[i]} needs a positive whole number");
            values[args[i]] = value;
        }
        return new BenchOptions(values["--events"], (int)values["--shards"], (int)values["--flush-threads"], (int)values["--rounds"], (int)values["--chunk-limit-kb"]);
    }
}
