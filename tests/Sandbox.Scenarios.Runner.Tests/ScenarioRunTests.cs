namespace Sandbox.Scenarios.Runner.Tests;

public sealed class ScenarioRunTests
{
    [Fact]
    public async Task A_folder_without_scenarios_is_an_error_not_a_green_run()
    {
        using var folder = TempFeatureFolder.With("empty.feature", "Feature: Nothing yet\n");
        var reports = Path.Combine(folder.Path, "reports");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ScenarioRun.RunAsync(folder.Path, [typeof(ScenarioRunTests).Assembly], reports));

        Assert.Contains("No scenario to run", error.Message);
        Assert.Contains(folder.Path, error.Message);
        Assert.False(Directory.Exists(reports));
    }
}
