using System.Reflection;
using Sandbox.Scenarios.Runner.Discovery;
using Sandbox.Scenarios.Runner.Execution;
using Sandbox.Scenarios.Runner.Reports;

namespace Sandbox.Scenarios.Runner;

/// <summary>Entry point for a CLI: run every feature under a folder and write JUnit XML and Cucumber HTML.</summary>
public static class ScenarioRun
{
    public const string JUnitFileName = "scenarios.junit.xml";
    public const string HtmlFileName = "scenarios.html";
    public const string MessagesFileName = "scenarios.ndjson";

    /// <param name="onResult">Called after each case, e.g. to print progress.</param>
    public static async Task<RunSummary> RunAsync(string featuresDirectory, IReadOnlyList<Assembly> bindingAssemblies,
        string reportsDirectory, Action<ScenarioResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var catalog = ScenarioCatalog.Load(featuresDirectory);
        // A CI step that runs nothing must not look green.
        if (!catalog.Cases.Any())
            throw new InvalidOperationException($"No scenario to run in '{featuresDirectory}' ({catalog.Root}): it holds no *.feature file with a Scenario.");
        var results = new List<ScenarioResult>();
        var session = new ScenarioSession(bindingAssemblies);
        try
        {
            foreach (var scenarioCase in catalog.Cases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await session.RunAsync(scenarioCase);
                results.Add(result);
                onResult?.Invoke(result);
            }
        }
        finally
        {
            await session.DisposeAsync();
        }

        Directory.CreateDirectory(reportsDirectory);
        var summary = new RunSummary(results, session.TeardownErrors,
            Path.Combine(reportsDirectory, JUnitFileName),
            Path.Combine(reportsDirectory, HtmlFileName),
            Path.Combine(reportsDirectory, MessagesFileName));
        JUnitReportWriter.Write(summary, summary.JUnitReportPath);
        await CucumberReportWriter.WriteAsync(catalog, summary, summary.HtmlReportPath, summary.MessagesPath);
        return summary;
    }
}
