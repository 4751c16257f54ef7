using Xunit.Sdk;

namespace Sandbox.Scenarios.Adapter;

/// <summary>
/// Turns a method <c>Task M(string featuresFolder, string scenarioId)</c> into one xunit test per
/// scenario (and per Examples row) of the .feature files under <paramref name="featuresFolder"/>,
/// a folder relative to the test assembly's output directory.
/// </summary>
[XunitTestCaseDiscoverer("Sandbox.Scenarios.Adapter.ScenarioDiscoverer", "Sandbox.Scenarios")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute(string featuresFolder) : FactAttribute
{
    public string FeaturesFolder => featuresFolder;
}
