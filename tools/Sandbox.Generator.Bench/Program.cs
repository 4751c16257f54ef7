using System.Diagnostics;
using System.Globalization;
using Sandbox.Generator.Bench;

// Usage:
//   Sandbox.Generator.Bench [--out DIR] [--events N] [--gzip-events N] [--validate-events N] [--users N]
//                           [--threads N] [--rounds N] [--row-bytes N] [--stages plain,ceiling,gzip,ceiling-gzip,validate]
// Runs each stage in its own child process (so peak RSS and CPU are per stage), in interleaved rounds
// (odd rounds in the given order, even rounds reversed), then prints medians and per-round ratios.
var options = BenchArgs.Parse(args);
if (options.Stage is { } stage)
{
    var cpuBefore = StageResult.CpuSecondsSoFar();
    int LineBytes() => options.RowBytes ?? throw new ArgumentException($"stage {stage} needs --row-bytes");
    IEnumerable<StageResult> stageResults = stage switch
    {
        "ceiling" => [CeilingWorkload.Run(stage, Path.Combine(options.Output, stage), options.Events, LineBytes(), options.Threads, gzip: false)],
        "ceiling-gzip" => [CeilingWorkload.Run(stage, Path.Combine(options.Output, stage), options.GzipEvents, LineBytes(), options.Threads, gzip: true)],
        "plain" => [GeneratorWorkload.Run(stage, Path.Combine(options.Output, "plain"), options.Events, options.Users, options.Threads, gzip: false)],
        "gzip" => [GeneratorWorkload.Run(stage, Path.Combine(options.Output, "gzip"), options.GzipEvents, options.Users, options.Threads, gzip: true)],
        "validate" => ValidationWorkload.Run(options.ValidateEvents),
        _ => throw new ArgumentException($"unknown stage '{stage}'"),
    };
    foreach (var result in stageResults)
    {
        var cpu = result.CpuSeconds > 0 ? result.CpuSeconds : StageResult.CpuSecondsSoFar() - cpuBefore;
        Console.WriteLine((result with { PeakRssBytes = StageResult.ReadPeakRss(), CpuSeconds = cpu }).ToLine());
        cpuBefore = StageResult.CpuSecondsSoFar();
    }
    return 0;
}

// The ceilings write lines of the generator's mean size: taken from the plain run (the first stage of
// round 1), or --row-bytes (the line without its newline).
var rowBytes = options.RowBytes;
if (rowBytes is null && !options.Stages.Contains("plain") && options.Stages.Any(s => s.StartsWith("ceiling", StringComparison.Ordinal)))
    throw new ArgumentException("the ceilings need the generator's line size: include the plain stage or pass --row-bytes");
var stages = options.Stages.OrderBy(s => s == "plain" ? 0 : 1).ToArray();
var rounds = new List<List<StageResult>>();
for (var round = 1; round <= options.Rounds; round++)
{
    var results = new List<StageResult>();
    foreach (var name in round % 2 == 1 ? stages : stages.Reverse())
    {
        string[] childArgs = [.. args.Where((a, i) => a != "--row-bytes" && (i == 0 || args[i - 1] != "--row-bytes")),
            "--stage", name, .. rowBytes is { } n ? new[] { "--row-bytes", n.ToString(CultureInfo.InvariantCulture) } : []];
        // Started through `dotnet x.dll` the process path is the host: pass the assembly again.
        string[] prefix = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(StageResult).Assembly.Location] : [];
        var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. prefix, .. childArgs]) { RedirectStandardOutput = true })!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var parsed = output.Split('\n').Select(StageResult.Parse).OfType<StageResult>().ToList();
        if (child.ExitCode != 0 || parsed.Count == 0) throw new InvalidOperationException($"stage {name} failed (exit {child.ExitCode}):\n{output}");
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        foreach (var result in parsed)
            Console.WriteLine($"round {round} {result.Stage}: {result.Rows:N0} rows in {result.Seconds:N1} s = {result.RowsPerSecond:N0}/s, " +
                              $"{result.CpuSeconds:N1} CPU-s, {(double)result.Bytes / result.Rows:N0} B/row, peak RSS {result.PeakRssBytes / 1048576.0:N0} MiB, load {load}");
        if (name == "plain" && rowBytes is null) rowBytes = (int)Math.Round((double)parsed[0].Bytes / parsed[0].Rows) - 1;
        results.AddRange(parsed);
    }
    rounds.Add(results);
}
Report.Print(rounds, options);
if (Directory.Exists(options.Output)) Directory.Delete(options.Output, recursive: true);
return 0;
