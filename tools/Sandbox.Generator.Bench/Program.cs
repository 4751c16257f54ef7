using System.Diagnostics;
using Sandbox.Generator.Bench;

// Usage:
//   Sandbox.Generator.Bench [--out DIR] [--ceiling-rows N] [--events N] [--gzip-events N] [--users N] [--threads N] [--skip-gzip]
// Runs each stage in its own child process (so peak RSS is per stage), then prints a markdown table.
var options = BenchArgs.Parse(args);
if (options.Stage is { } stage)
{
    var cpuBefore = StageResult.CpuSecondsSoFar();
    var result = stage switch
    {
        "ceiling" => CeilingWorkload.Run(options.Output, options.CeilingRows),
        "plain" => GeneratorWorkload.Run(stage, Path.Combine(options.Output, "plain"), options.Events, options.Users, options.Threads, gzip: false),
        "gzip" => GeneratorWorkload.Run(stage, Path.Combine(options.Output, "gzip"), options.GzipEvents, options.Users, options.Threads, gzip: true),
        _ => throw new ArgumentException($"unknown stage '{stage}'"),
    };
    Console.WriteLine((result with { PeakRssBytes = StageResult.ReadPeakRss(), CpuSeconds = StageResult.CpuSecondsSoFar() - cpuBefore }).ToLine());
    return 0;
}

var stages = options.SkipGzip ? new[] { "ceiling", "plain" } : ["ceiling", "plain", "gzip"];
var results = new List<StageResult>();
foreach (var name in stages)
{
    // Started through `dotnet x.dll` the process path is the host: pass the assembly again.
    string[] prefix = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(StageResult).Assembly.Location] : [];
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. prefix, .. args, "--stage", name]) { RedirectStandardOutput = true })!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var result = output.Split('\n').Select(StageResult.Parse).FirstOrDefault(r => r is not null)
        ?? throw new InvalidOperationException($"stage {name} failed (exit {child.ExitCode}):\n{output}");
    Console.WriteLine($"{name}: {result.Rows:N0} rows in {result.Seconds:N1} s = {result.RowsPerSecond:N0}/s, {result.CpuSeconds:N1} CPU-s, peak RSS {result.PeakRssBytes / 1048576.0:N0} MiB");
    results.Add(result);
}
Report.Print(results, options);
Directory.Delete(options.Output, recursive: true);
return 0;
