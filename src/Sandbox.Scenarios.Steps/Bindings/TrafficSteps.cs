using Reqnroll;
using Sandbox.Generator.Config;

namespace Sandbox.Scenarios.Steps.Bindings;

/// <summary>Given steps that say what traffic the generator makes (with its ground-truth manifest).</summary>
[Binding]
public sealed class TrafficSteps(PipelineWorld world)
{
    [Given("app traffic of {int} users and {int} events a day on {word}")]
    public void OneDay(int users, int eventsPerDay, string day) => Days(users, eventsPerDay, day, day);

    [Given("app traffic of {int} users and {int} events a day from {word} to {word}")]
    public void Days(int users, int eventsPerDay, string from, string to) =>
        world.Traffic.Days(Bindings.Days.Parse(from), Bindings.Days.Parse(to), users, eventsPerDay);

    [Given("release {string} ships on {word}")]
    public void Release(string version, string day) => world.Traffic.Release(version, Bindings.Days.Parse(day));

    [Given("the logs carry the faults {string}")]
    public void Faults(string presets) => world.Traffic.Faults(presets);

    [Given("release {string} drops the property {string} of {string}")]
    public void DropProperty(string version, string property, string eventName) => world.Traffic.DropProperty(version, eventName, property);

    [Given("release {string} stops sending {string}")]
    public void DropEvent(string version, string eventName) => world.Traffic.DropEvent(version, eventName);

    [Given("release {string} sends every event as planned")]
    public void CleanRelease(string version) => world.Traffic.Update(c =>
        (c.Behaviour.Releases ?? []).Any(r => r.Version == version)
            ? c
            : throw new ArgumentException($"release {version} is not in this scenario's traffic: add 'Given release \"{version}\" ships on <day>'"));

    /// <summary>Columns: funnel, steps ("a > b > c"), step probabilities ("0.6, 0.3": one fewer than steps).</summary>
    [Given("the app's funnels are")]
    public void Funnels(Table table) => world.Traffic.Update(c => c with
    {
        Behaviour = c.Behaviour with
        {
            Funnels = table.Rows.Select(r => new FunnelDefinition(
                r["funnel"],
                r["steps"].Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                r["step probabilities"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList())).ToList(),
        },
    });

    [Given("the app's captured event log")]
    public void CapturedLog() => world.UseCapturedLog(ScenarioInputs.CapturedEvents
        ?? throw new InvalidOperationException($"no captured event log was given: run `sandbox verify --events <file>` or set {ScenarioInputs.EventsVariable}"));

    /// <summary>A relative path is tried from the working directory, then from the running assembly's folder (where tests copy scenarios/).</summary>
    [Given("the captured event log {string}")]
    public void CapturedLogAt(string path) => world.UseCapturedLog(
        Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, path));

    [When("the logs are shipped through the pipeline")]
    public Task Ship() => world.DeliverAsync();
}
