namespace Sandbox.Scenarios.Runner.Tests;

internal static class TestFeatures
{
    /// <summary>The features in this project's Features/ folder, copied next to the test assembly.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Features");
}
