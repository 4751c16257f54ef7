using Sandbox.Scenarios.Adapter;
using Xunit.Abstractions;

namespace Sandbox.Scenarios;

/// <summary>Every scenario in the repository's scenarios/ folder, one xunit test each.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ScenarioTests(ScenarioSessionFixture session, ITestOutputHelper output)
{
    [Scenarios("scenarios")]
    public Task Scenario(string featuresFolder, string scenarioId) => session.RunAsync(featuresFolder, scenarioId, output);
}
