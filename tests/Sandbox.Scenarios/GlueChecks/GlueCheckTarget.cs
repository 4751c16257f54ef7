using Sandbox.Scenarios.Adapter;
using Xunit.Abstractions;

namespace Sandbox.Scenarios.GlueChecks;

/// <summary>
/// Internal, so xunit does not run it as part of the suite (it holds a failing scenario on
/// purpose); <see cref="ScenarioGlueTests"/> discovers and runs it explicitly.
/// </summary>
#pragma warning disable xUnit1000 // internal on purpose: see above
internal sealed class GlueCheckTarget(ScenarioSessionFixture session, ITestOutputHelper output)
{
    [Scenarios("GlueChecks")]
    public Task Scenario(string featuresFolder, string scenarioId) => session.RunAsync(featuresFolder, scenarioId, output);
}
#pragma warning restore xUnit1000

/// <summary>The passing glue checks, discovered and run by xunit itself like <see cref="ScenarioTests"/>.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class GlueCheckScenarios(ScenarioSessionFixture session, ITestOutputHelper output)
{
    [Scenarios("GlueChecks/passing")]
    public Task Scenario(string featuresFolder, string scenarioId) => session.RunAsync(featuresFolder, scenarioId, output);
}
