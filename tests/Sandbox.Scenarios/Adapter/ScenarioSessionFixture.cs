using Xunit.Abstractions;
using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Adapter;

/// <summary>
/// One Reqnroll session for this assembly's bindings, shared by every scenario test class: they
/// must all be in <see cref="ScenarioCollection"/>, since Reqnroll's state is per assembly.
/// </summary>
public sealed class ScenarioSessionFixture : IAsyncLifetime
{
    private ScenarioSession? _session;

    public Task InitializeAsync()
    {
        // The glue checks' bindings live here; the pipeline steps in Sandbox.Scenarios.Steps (shared with `sandbox verify`).
        _session = new ScenarioSession([typeof(ScenarioSessionFixture).Assembly, typeof(Sandbox.Scenarios.Steps.PipelineWorld).Assembly]);
        return Task.CompletedTask;
    }

    /// <summary>Runs one case and throws <see cref="ScenarioFailedException"/> unless it passed.</summary>
    public async Task<ScenarioResult> RunAsync(string featuresFolder, string scenarioId, ITestOutputHelper output)
    {
        var result = await _session!.RunAsync(FeatureFolders.Load(featuresFolder).Find(scenarioId));
        foreach (var step in result.Steps)
            output.WriteLine($"{step.Outcome,-9} {step.Step.Display}  ({result.Case.Feature.RelativePath}:{step.Step.Line})");
        if (result.Output.Count > 0)
            output.WriteLine("Reqnroll trace:\n" + string.Join("\n", result.Output));
        if (result.Outcome == ScenarioOutcome.Skipped)
            throw new ScenarioFailedException($"'{result.Case.DisplayName}' was skipped while running: {result.Message}", null);
        if (result.IsFailure)
            throw new ScenarioFailedException(result.Message, result.Error);
        return result;
    }

    public async Task DisposeAsync()
    {
        if (_session is null)
            return;
        await _session.DisposeAsync();
        if (_session.TeardownErrors.Count > 0)
            throw new AggregateException("AfterFeature/AfterTestRun hooks failed", _session.TeardownErrors);
    }
}

[CollectionDefinition(Name)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioSessionFixture>
{
    public const string Name = "scenarios";
}
