using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Runner;

/// <summary>The outcome of a whole run and where its reports are.</summary>
public sealed record RunSummary(
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<Exception> TeardownErrors,
    string JUnitReportPath,
    string HtmlReportPath,
    string MessagesPath)
{
    public int Passed => Count(ScenarioOutcome.Passed);
    public int Failed => Results.Count(r => r.IsFailure);
    public int Skipped => Count(ScenarioOutcome.Skipped);

    /// <summary>True when nothing failed, including AfterFeature/AfterTestRun hooks. Skips do not fail a run.</summary>
    public bool Succeeded => Failed == 0 && TeardownErrors.Count == 0;

    public int ExitCode => Succeeded ? 0 : 1;

    /// <summary>One line a CLI can print last, e.g. "scenarios: 5 passed, 1 failed, 1 skipped".</summary>
    public string Describe() => $"scenarios: {Passed} passed, {Failed} failed, {Skipped} skipped"
        + (TeardownErrors.Count > 0 ? $", {TeardownErrors.Count} teardown hook error(s)" : "");

    private int Count(ScenarioOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}
