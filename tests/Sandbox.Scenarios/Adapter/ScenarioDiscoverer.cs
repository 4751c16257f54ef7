using Sandbox.Scenarios.Runner.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sandbox.Scenarios.Adapter;

/// <summary>Yields one <see cref="ScenarioTestCase"/> per case; a folder that fails to parse becomes one failing test.</summary>
public sealed class ScenarioDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo attribute)
    {
        var folder = attribute.GetConstructorArguments().Single() as string
            ?? throw new ArgumentException($"[Scenarios] on {testMethod.Method.Name} needs a features folder.");
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        ScenarioCatalog catalog;
        try
        {
            catalog = FeatureFolders.Load(folder);
        }
        catch (Exception e) when (e is FeatureParseException or DirectoryNotFoundException)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"Cannot load the features in '{folder}': {e.Message}")];
        }
        return catalog.Cases
            .Select(c => new ScenarioTestCase(diagnosticMessageSink, display, displayOptions, testMethod, folder, c.Id, c.DisplayName, c.IgnoreReason))
            .ToList();
    }
}
