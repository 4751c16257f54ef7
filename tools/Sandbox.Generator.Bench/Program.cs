using System.Diagnostics;
using Sandbox.Generator.Bench;

// Usage:
//   Sandbox.Generator.Bench [--out DIR] [--ceiling-rows N] [--events N] [--gzip-events N] [--validate-events N]
//                           [--users N] [--threads N] [--stages ceiling,plain,gzip,validate]
// Runs each stage in its own child process (so peak RSS is per stage), then prints a markdown table.
var options = BenchArgs.Parse(args);
if (options.Stage is { } stage)
{
    var cpuBefore = StageResult.CpuSecondsSoFar();
    IEnumerable<StageResult> stageResults = stage switch
    {
        "ceiling" => [CeilingWorkload.Run(options.Output, options.CeilingRows)],
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

var stages = options.Stages;
var results = new List<StageResult>();
foreach (var name in stages)
{
    // Started through `dotnet x.dll` the process path is the host: pass the assembly again.
    string[] prefix = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [typeof(StageResult).Assembly.Location] : [];
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. prefix, .. args, "--stage", name]) { RedirectStandardOutput = true })!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var parsed = output.Split('\n').Select(StageResult.Parse).OfType<StageResult>().ToList();
    if (child.ExitCode != 0 || parsed.Count == 0) throw new InvalidOperationException($"stage {name} failed (exit {child.ExitCode}):\n{output}");
    foreach (var result in parsed)
        Console.WriteLine($"{result.Stage}: {result.Rows:N0} rows in {result.Seconds:N1} s = {result.RowsPerSecond:N0}/s, {result.CpuSeconds:N1} CPU-s, peak RSS {result.PeakRssBytes / 1048576.0:N0} MiB");
    results.AddRange(parsed);
}
Report.Print(results, options);
Directory.Delete(options.Output, recursive: true);
return 0;
