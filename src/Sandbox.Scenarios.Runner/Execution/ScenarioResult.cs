using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Runner.Execution;

public enum ScenarioOutcome { Passed, Failed, Undefined, Pending, Skipped }

public enum StepOutcome { Passed, Failed, Undefined, Pending, Skipped }

public sealed record StepResult(ScenarioStep Step, StepOutcome Outcome, Exception? Error);

/// <summary>What one case did. Failed, Undefined and Pending all fail a run; Skipped never passes silently.</summary>
public sealed record ScenarioResult(
    ScenarioCase Case,
    ScenarioOutcome Outcome,
    string Message,
    IReadOnlyList<StepResult> Steps,
    ScenarioStep? FailedStep,
    Exception? Error,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<string> Output)
{
    public bool IsFailure => Outcome is ScenarioOutcome.Failed or ScenarioOutcome.Undefined or ScenarioOutcome.Pending;
}
