using System.Globalization;

namespace Sandbox.Kinesis.Bench;

/// <summary>Command line of the bench; every option has a default that matches docs/BENCHMARKS.md.</summary>
internal sealed record BenchOptions
{
    public long Records { get; init; } = 1_000_000;
    public long CompareRecords { get; init; } = 10_000;
    public int Rounds { get; init; } = 3;
    public int Producers { get; init; } = 4;
    public int BatchSize { get; init; } = 500;
    public int RecordBytes { get; init; } = 300;
    public int Shards { get; init; } = 2;
    public int Windows { get; init; } = 10;
    public long WarmUpRecords { get; init; } = 5_000;
    public bool Read { get; init; } = true;
    public string? DataDirectory { get; init; }
    public string EngineDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll");
    public string? NativeFolder { get; init; }

    public const string Usage =
        "usage: sandbox-kinesis-bench [--records N (1000000; growth curve of sandbox-kinesis alone, 0 skips it)]\n" +
        "       [--compare-records N (10000 per engine and round; 0 skips kinesis-local)] [--rounds 3]\n" +
        "       [--producers 4] [--batch 500] [--record-bytes 300] [--shards 2] [--windows 10] [--warmup 5000] [--no-read]\n" +
        "       [--data DIR (temp)] [--engine PATH/sandbox-kinesis.dll] [--native compose/native]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            long Number() { var v = Value(); return long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} '{v}' is not a number"); }
            options = args[i] switch
            {
                "--records" => options with { Records = Number() },
                "--compare-records" => options with { CompareRecords = Number() },
                "--rounds" => options with { Rounds = (int)Number() },
                "--producers" => options with { Producers = (int)Number() },
                "--batch" => options with { BatchSize = (int)Number() },
                "--record-bytes" => options with { RecordBytes = (int)Number() },
                "--shards" => options with { Shards = (int)Number() },
                "--windows" => options with { Windows = (int)Number() },
                "--warmup" => options with { WarmUpRecords = Number() },
                "--no-read" => options with { Read = false },
                "--data" => options with { DataDirectory = Value() },
                "--engine" => options with { EngineDll = Value() },
                "--native" => options with { NativeFolder = Value() },
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }
        if (options.Records < 0 || options.Rounds < 1 || options.Producers < 1 || options.BatchSize is < 1 or > 500 || options.Shards < 1 || options.Windows < 1)
            throw new ArgumentException("--records must be >= 0, --rounds, --producers, --shards, --windows must be >= 1 and --batch 1..500");
        return options;
    }

    /// <summary>compose/native of this repository: walks up from the working folder.</summary>
    public string ResolveNativeFolder()
    {
        if (NativeFolder is not null) return NativeFolder;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "compose", "native");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("compose/native not found above the working folder: pass --native");
    }
}
