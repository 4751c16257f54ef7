using Reqnroll;
using Sandbox.Analytics.Definitions;
using Sandbox.Scenarios.Steps.Checks;
using static Sandbox.Scenarios.Steps.Checks.CheckFailedException;

namespace Sandbox.Scenarios.Steps.Bindings;

/// <summary>Funnels and retention computed by Sandbox.Analytics on an engine (warehouse or lake), against the manifest's truth.</summary>
[Binding]
public sealed class FunnelSteps(PipelineWorld world)
{
    [Then("the {string} funnel per day in the {word} equals the manifest")]
    public async Task FunnelEqualsManifest(string funnel, string engine)
    {
        var manifest = world.RequireManifest();
        var generated = manifest.Config.Behaviour.Funnels.FirstOrDefault(f => f.Name == funnel)
            ?? throw new ArgumentException($"the traffic simulates no funnel \"{funnel}\" (it has: {string.Join(", ", manifest.Config.Behaviour.Funnels.Select(f => f.Name))})");
        var range = new DateRange(manifest.Days[0].Date, manifest.Days[^1].Date);
        var result = await (await world.AnalyticsAsync(engine)).FunnelAsync(new FunnelDefinition(funnel, generated.Steps, range));
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var day in manifest.Days)
        {
            var truth = day.Funnels[funnel];
            var computed = result.ForDay(day.Date);
            for (var k = 0; k < generated.Steps.Count; k++)
            {
                var key = $"{day.Date:yyyy-MM-dd} step {k + 1} {generated.Steps[k]}";
                expected[key] = truth[k];
                actual[key] = computed[k];
            }
        }
        UnlessEqual(expected, actual, $"\"{funnel}\" funnel users per day and step", "manifest", engine);
        Unless(expected.Values.Any(v => v > 0), () => $"nobody entered the \"{funnel}\" funnel: the comparison proves nothing");
    }

    [Then("day-{int} retention in the {word} equals the manifest")]
    public async Task RetentionEqualsManifest(int age, string engine)
    {
        var manifest = world.RequireManifest();
        var result = await (await world.AnalyticsAsync(engine)).RetentionAsync(new RetentionDefinition(new DateRange(manifest.Config.From, manifest.Config.To), MaxAge: Math.Max(age, 1)));
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cohort in manifest.Retention.Where(c => c.RetainedByDay.ContainsKey(age.ToString())))
        {
            var key = $"cohort {cohort.InstallDate:yyyy-MM-dd}";
            expected[$"{key} size"] = cohort.CohortSize;
            actual[$"{key} size"] = result.CohortSize(cohort.InstallDate);
            expected[$"{key} retained on day {age}"] = cohort.RetainedByDay[age.ToString()];
            actual[$"{key} retained on day {age}"] = result.Retained(cohort.InstallDate, age);
        }
        Unless(expected.Count > 0, () => $"no install cohort of this traffic is {age} days old within its days: generate at least {age + 1} days");
        UnlessEqual(expected, actual, $"day-{age} retention", "manifest", engine);
    }
}
