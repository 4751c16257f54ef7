using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;

namespace Sandbox.Generator.Bench;

/// <summary>The realistic generator: one simulated day of the given size written as hourly log files.</summary>
public static class GeneratorWorkload
{
    public static StageResult Run(string stage, string outputDirectory, long events, int users, int threads, bool gzip)
    {
        var config = new GeneratorConfig
        {
            From = new DateOnly(2026, 11, 2),
            To = new DateOnly(2026, 11, 2),
            Users = users,
            EventsPerDay = events,
            Seed = 42,
            Servers = 4,
            Gzip = gzip,
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (manifest, _) = FileGeneration.Run(config, outputDirectory, threads, overwrite: true, TrackingPlanLoader.LoadEmbedded());
        var seconds = started.Elapsed.TotalSeconds;
        Directory.Delete(outputDirectory, recursive: true);
        return new StageResult(stage, manifest.Totals!.Events, seconds, manifest.Totals.Bytes, threads);
    }
}
