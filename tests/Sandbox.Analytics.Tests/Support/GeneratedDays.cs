using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>A few small generated days (no faults) with their manifest: the ground truth to match.</summary>
/// <param name="Lines">The app servers' lines as generated (what the pipeline ships and the archive holds).</param>
public sealed record GeneratedDays(GenerationTruth Manifest, IReadOnlyList<EventRow> Events, IReadOnlyList<string> Lines)
{
    public static GeneratedDays Generate()
    {
        var config = new GeneratorConfig
        {
            From = new DateOnly(2026, 11, 1),
            To = new DateOnly(2026, 11, 4),
            Users = 3_000,
            EventsPerDay = 12_000,
            Seed = 11,
            Servers = 2,
        };
        var plan = TrackingPlanLoader.LoadEmbedded();
        var sink = new MemorySink();
        var result = new GeneratorRunner(config, plan).Run(sink, threads: 2);
        var manifest = GenerationTruthBuilder.Complete(config, plan.Version, sink.Describe(), result);
        var lines = sink.Lines.ToList();
        return new GeneratedDays(manifest, lines.Select(EventRow.Parse).ToList(), lines);
    }
}
