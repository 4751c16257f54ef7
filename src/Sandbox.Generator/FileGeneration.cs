using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Plan = Sandbox.Core.TrackingPlan.TrackingPlan;

namespace Sandbox.Generator;

/// <summary>
/// Output (a): hourly app-server log files plus manifest.json. Order matters: the config is checked
/// and the folder guarded before anything is written; an in-progress manifest marks the folder
/// first so an interrupted run is recognised next time.
/// </summary>
public static class FileGeneration
{
    /// <summary>Fails like <see cref="Run"/> would on bad config or a guarded folder, without writing anything.</summary>
    public static void Check(GeneratorConfig config, string outputDirectory, bool overwrite, Plan plan)
    {
        new GeneratorRunner(config, plan).Validate();
        OutputFolderGuard.Check(outputDirectory, ConfigJson.Fingerprint(config, plan.Version), config.Seed, overwrite);
    }

    /// <summary>
    /// The folder's complete output of this very seed and config, every file still there at the size
    /// the manifest lists; null when anything differs. The generator is deterministic, so running it
    /// again would write the same bytes as new files (new inodes), which a tailing shipper would take
    /// for new logs and ship again: callers leave such output alone instead.
    /// </summary>
    public static GenerationTruth? Reusable(GeneratorConfig config, string outputDirectory, Plan plan)
    {
        if (!Directory.Exists(outputDirectory) || GenerationTruthFile.TryRead(outputDirectory) is not { } previous) return null;
        if (previous.Status != GenerationTruth.StatusComplete || previous.Fingerprint != ConfigJson.Fingerprint(config, plan.Version)) return null;
        var root = Path.GetFullPath(outputDirectory);
        return previous.Files.Concat(previous.Dimensions).All(file =>
            new FileInfo(Path.Combine(root, file.Path)) is { Exists: true } info && info.Length == file.Bytes)
            ? previous
            : null;
    }

    public static (GenerationTruth Manifest, GenerationResult Result) Run(
        GeneratorConfig config, string outputDirectory, int threads, bool overwrite, Plan plan,
        Action<GeneratorRunner>? onStarted = null)
    {
        var runner = new GeneratorRunner(config, plan);
        runner.Validate();
        var fingerprint = ConfigJson.Fingerprint(config, plan.Version);
        OutputFolderGuard.Prepare(outputDirectory, fingerprint, config.Seed, overwrite);

        var sink = new HourlyLogFileSink(outputDirectory, config.Gzip);
        var sinkName = config.Gzip ? "hourly-log-files-gzip" : "hourly-log-files";
        GenerationTruthFile.Write(outputDirectory, GenerationTruthBuilder.InProgress(config, plan.Version, sinkName));
        onStarted?.Invoke(runner);
        var result = runner.Run(sink, threads);
        var dimensions = config.WriteDimensions ? DimensionWriter.Write(outputDirectory, result.Model) : [];
        var manifest = GenerationTruthBuilder.Complete(config, plan.Version, sinkName, result) with
        {
            Dimensions = dimensions.Select(d => new OutputFile(d.Name, d.Lines, d.Bytes)).ToList(),
        };
        GenerationTruthFile.Write(outputDirectory, manifest);
        return (manifest, result);
    }
}
