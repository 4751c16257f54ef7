using Plan = Sandbox.Core.TrackingPlan.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// A generation into any sink with the ground-truth manifest in the output folder, guarded and
/// marked in progress like output (a), so scenarios verify what a Kinesis or bulk run produced.
/// </summary>
public static class TruthfulGeneration
{
    /// <param name="finishSink">Runs after the generator, before the manifest is marked complete (e.g. waits for sends).</param>
    public static (GenerationTruth Manifest, GenerationResult Result) Run(
        GeneratorConfig config, string outputDirectory, int threads, bool overwrite, Plan plan,
        IEventSink sink, Action<GeneratorRunner>? onStarted = null, Action<GenerationResult>? finishSink = null)
    {
        var runner = new GeneratorRunner(config, plan);
        runner.Validate();
        OutputFolderGuard.Prepare(outputDirectory, ConfigJson.Fingerprint(config, plan.Version), config.Seed, overwrite);
        Directory.CreateDirectory(outputDirectory);
        var sinkName = sink.Describe();
        GenerationTruthFile.Write(outputDirectory, GenerationTruthBuilder.InProgress(config, plan.Version, sinkName));
        onStarted?.Invoke(runner);
        var result = runner.Run(sink, threads);
        finishSink?.Invoke(result);
        var manifest = GenerationTruthBuilder.Complete(config, plan.Version, sinkName, result);
        GenerationTruthFile.Write(outputDirectory, manifest);
        return (manifest, result);
    }
}
