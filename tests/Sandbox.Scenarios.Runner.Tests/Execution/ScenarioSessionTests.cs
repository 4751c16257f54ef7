using Sandbox.Scenarios.Runner.Discovery;
using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Runner.Tests.Execution;

[Collection(ScenarioRunCollection.Name)]
public sealed class ScenarioSessionTests
{
    private static readonly ScenarioCatalog Catalog = ScenarioCatalog.Load(TestFeatures.Directory);

    [Fact]
    public async Task A_new_session_after_a_finished_one_runs_scenarios_again()
    {
        var scenario = Catalog.Cases.Single(c => c.DisplayName == "Calculator: Add two numbers");

        await using (var first = new ScenarioSession([typeof(ScenarioSessionTests).Assembly]))
            Assert.Equal(ScenarioOutcome.Passed, (await first.RunAsync(scenario)).Outcome);
        await using var second = new ScenarioSession([typeof(ScenarioSessionTests).Assembly]);
        var again = await second.RunAsync(scenario);

        Assert.True(again.Outcome == ScenarioOutcome.Passed, again.Message);
    }

    [Fact]
    public async Task Scenarios_of_different_features_can_interleave_in_one_session()
    {
        var cases = new[] { "Calculator: Add two numbers", "Step arguments: A doc string", "Calculator: Subtract" }
            .Select(name => Catalog.Cases.Single(c => c.DisplayName == name));
        await using var session = new ScenarioSession([typeof(ScenarioSessionTests).Assembly]);

        foreach (var scenarioCase in cases)
        {
            var result = await session.RunAsync(scenarioCase);
            Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
        }
    }

    [Fact]
    public async Task Step_definitions_can_come_from_additional_binding_assemblies()
    {
        var scenario = Catalog.Cases.Single(c => c.DisplayName == "Calculator: Add two numbers");
        // The runner library has no bindings of its own: the steps are only found in the second assembly.
        await using var session = new ScenarioSession([typeof(ScenarioRun).Assembly, typeof(ScenarioSessionTests).Assembly]);

        var result = await session.RunAsync(scenario);

        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
    }

    [Fact]
    public async Task Only_one_live_session_per_binding_assembly()
    {
        await using var session = new ScenarioSession([typeof(ScenarioSessionTests).Assembly]);

        var error = Assert.Throws<InvalidOperationException>(() => new ScenarioSession([typeof(ScenarioSessionTests).Assembly]));

        Assert.Contains("Sandbox.Scenarios.Runner.Tests", error.Message);
    }

    [Fact]
    public async Task Without_binding_assemblies_the_error_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScenarioSession([]));

        Assert.Contains("binding assembly", error.Message);
        await Task.CompletedTask;
    }
}
