using Sandbox.Generator.Config;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Truth;

/// <summary>Turns a run's merged ground truth into the manifest record.</summary>
public static class GenerationTruthBuilder
{
    public static GenerationTruth InProgress(GeneratorConfig config, string planVersion, string sink) => new()
    {
        Status = GenerationTruth.StatusInProgress,
        Fingerprint = ConfigJson.Fingerprint(config, planVersion),
        Seed = config.Seed,
        TrackingPlanVersion = planVersion,
        Sink = sink,
        Config = config,
    };

    public static GenerationTruth Complete(GeneratorConfig config, string planVersion, string sink, GenerationResult result)
    {
        var truth = result.Truth;
        var files = result.Outputs.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new OutputFile(o.Name, o.Lines, o.Bytes)).ToList();
        return InProgress(config, planVersion, sink) with
        {
            Status = GenerationTruth.StatusComplete,
            AppVersions = AppVersions(config),
            Totals = new TruthTotals(truth.Events, result.Lines, files.Count, files.Sum(f => f.Bytes)),
            Files = files,
            Days = Enumerable.Range(0, truth.Days + 1).Select(d => Day(config, result.Model, truth, d)).Where(d => d.Events > 0 || !d.Partial).ToList(),
            Retention = Enumerable.Range(0, truth.Days).Select(d => Cohort(config, truth, d)).ToList(),
            Faults = result.Faults,
        };
    }

    private static List<AppVersionRelease> AppVersions(GeneratorConfig config) =>
        [new(config.Behaviour.BaseAppVersion, null), .. Releases.Resolve(config).Select(r => new AppVersionRelease(r.Version, r.Day, Effect(config, r.Effect)))];

    private static TruthReleaseEffect? Effect(GeneratorConfig config, ReleaseEffect? effect)
    {
        if (effect is null) return null;
        var funnel = config.Behaviour.Funnels.First(f => f.Name == effect.Funnel);
        var before = funnel.StepProbabilities[funnel.Steps.ToList().IndexOf(effect.Step) - 1];
        return new TruthReleaseEffect(effect.Funnel, effect.Step, before, Math.Round(before + effect.Change, 10));
    }

    private static TruthDay Day(GeneratorConfig config, SimulationModel model, GroundTruth truth, int day)
    {
        var byHour = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        var byName = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var hour = 0; hour < 24; hour++)
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            for (var k = 0; k < EventKinds.Count; k++)
            {
                var n = truth.EventCount(day, hour, (EventKind)k);
                if (n == 0) continue;
                counts[EventKinds.Names[k]] = n;
                byName[EventKinds.Names[k]] = byName.GetValueOrDefault(EventKinds.Names[k]) + n;
            }
            if (counts.Count > 0) byHour[hour.ToString("D2")] = counts;
        }
        var funnels = new SortedDictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        for (var f = 0; f < model.Funnels.Length; f++)
            funnels[model.Funnels[f].Name] = Enumerable.Range(0, model.Funnels[f].Steps.Length).Select(s => truth.FunnelCount(day, f, s)).ToList();
        return new TruthDay(
            config.From.AddDays(day),
            Partial: day == truth.Days,
            Events: byName.Values.Sum(),
            DistinctUsers: truth.DistinctUsers[day],
            Installs: byName.GetValueOrDefault("app_install"),
            byName, byHour, funnels);
    }

    private static TruthCohort Cohort(GeneratorConfig config, GroundTruth truth, int installDay)
    {
        long size = 0;
        for (var hour = 0; hour < 24; hour++) size += truth.EventCount(installDay, hour, EventKind.AppInstall);
        var retained = new SortedDictionary<string, long>(Comparer<string>.Create((a, b) => int.Parse(a).CompareTo(int.Parse(b))));
        for (var age = 1; installDay + age < truth.Days; age++) retained[age.ToString()] = truth.Retained[installDay * truth.Days + age];
        double? Rate(int age) => size > 0 && retained.TryGetValue(age.ToString(), out var n) ? Math.Round((double)n / size, 4) : null;
        return new TruthCohort(config.From.AddDays(installDay), size, retained, Rate(1), Rate(7), Rate(30));
    }
}
