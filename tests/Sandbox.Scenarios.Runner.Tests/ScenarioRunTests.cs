namespace Sandbox.Scenarios.Runner.Tests;

public sealed class ScenarioRunTests
{
    [Fact]
    public async Task A_folder_without_scenarios_is_an_error_not_a_green_run()
    {
        var folder = Directory.CreateTempSubdirectory("scenarios-empty-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "empty.feature"), "Feature: Nothing yet\n");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                ScenarioRun.RunAsync(folder.FullName, [typeof(ScenarioRunTests).Assembly], Path.Combine(folder.FullName, "reports")));

            Assert.Contains("No scenario to run", error.Message);
            Assert.Contains(folder.FullName, error.Message);
            Assert.False(Directory.Exists(Path.Combine(folder.FullName, "reports")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
