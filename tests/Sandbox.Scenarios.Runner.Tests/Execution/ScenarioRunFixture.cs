using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Runner.Tests.Execution;

/// <summary>Runs every test feature once against this assembly's bindings; tests read the results and reports.</summary>
public sealed class ScenarioRunFixture : IAsyncLifetime
{
    public string ReportsDirectory { get; } = Directory.CreateTempSubdirectory("scenario-reports-").FullName;
    public RunSummary Summary { get; private set; } = null!;
    public List<string> Progress { get; } = [];

    public ScenarioResult Result(string displayName) => Summary.Results.Single(r => r.Case.DisplayName == displayName);

    public async Task InitializeAsync()
    {
        Summary = await ScenarioRun.RunAsync(TestFeatures.Directory, [typeof(ScenarioRunFixture).Assembly], ReportsDirectory,
            result => Progress.Add(result.Case.DisplayName));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(ReportsDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>Reqnroll keeps static per-assembly state: every test that runs scenarios of this assembly goes here.</summary>
[CollectionDefinition(Name)]
public sealed class ScenarioRunCollection : ICollectionFixture<ScenarioRunFixture>
{
    public const string Name = "scenario runs";
}
