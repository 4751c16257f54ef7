using Reqnroll;
using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>Everything observed while one case ran, turned into a <see cref="ScenarioResult"/>.</summary>
internal sealed class ScenarioTrace(ScenarioCase scenarioCase, DateTimeOffset startedAt)
{
    public IReadOnlyList<(ScenarioExecutionStatus Status, Exception? Error)> Recorded { get; set; } = [];

    /// <summary>Reqnroll's trace of the case: each step with its binding, duration or error.</summary>
    public IReadOnlyList<string> Output { get; set; } = [];

    /// <summary>A step call that threw (a failing BeforeStep/AfterStep/block hook), and its index.</summary>
    public (int Index, Exception Error)? Aborted { get; set; }

    /// <summary>What CollectScenarioErrorsAsync rethrew: the raw step error, or a pending/ignore signal.</summary>
    public Exception? Collected { get; set; }

    /// <summary>A failure outside the steps: BeforeFeature, AfterScenario hook, or the runtime itself.</summary>
    public (string Where, Exception Error)? Outside { get; set; }

    public ScenarioResult ToResult(TimeSpan duration)
    {
        var steps = scenarioCase.Steps.Select((step, i) => new StepResult(step, OutcomeOf(i), ErrorOf(i))).ToList();
        var (outcome, message, failedStep, error) = Classify(steps);
        return new ScenarioResult(scenarioCase, outcome, message, steps, failedStep, error, startedAt, duration, Output);
    }

    private (ScenarioOutcome, string, ScenarioStep?, Exception?) Classify(IReadOnlyList<StepResult> steps)
    {
        if (scenarioCase.IgnoreReason is { } reason)
            return (ScenarioOutcome.Skipped, reason, null, null);

        if (steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed) is { } failed)
        {
            var error = failed.Error ?? Collected ?? new InvalidOperationException("the step failed without an exception");
            return (ScenarioOutcome.Failed, $"{Where(failed.Step)}\n{error.GetType().FullName}: {error.Message}", failed.Step, error);
        }

        if (steps.FirstOrDefault(s => s.Outcome == StepOutcome.Undefined) is { } undefined)
            return (ScenarioOutcome.Undefined, $"Undefined step: {Where(undefined.Step)}\n{Collected?.Message}", undefined.Step, Collected);

        if (steps.FirstOrDefault(s => s.Outcome == StepOutcome.Pending) is { } pending)
            return (ScenarioOutcome.Pending, $"Pending step: {Where(pending.Step)}\n{Collected?.Message}", pending.Step, Collected);

        if (Outside is var (where, outsideError))
            return (ScenarioOutcome.Failed, $"{where} of '{scenarioCase.DisplayName}' ({scenarioCase.Location}) failed\n{outsideError.GetType().FullName}: {outsideError.Message}", null, outsideError);

        if (Collected is { } hookError)
            return (ScenarioOutcome.Failed, $"BeforeScenario hook of '{scenarioCase.DisplayName}' ({scenarioCase.Location}) failed\n{hookError.GetType().FullName}: {hookError.Message}", null, hookError);

        return (ScenarioOutcome.Passed, "passed", null, null);
    }

    private string Where(ScenarioStep step) => $"{step.Display}\n  at {scenarioCase.Feature.RelativePath}:{step.Line}";

    private StepOutcome OutcomeOf(int index)
    {
        if (Aborted is var (abortedAt, _) && index >= abortedAt)
            return index == abortedAt ? StepOutcome.Failed : StepOutcome.Skipped;
        if (index >= Recorded.Count)
            return StepOutcome.Skipped;
        return Recorded[index].Status switch
        {
            ScenarioExecutionStatus.OK => StepOutcome.Passed,
            ScenarioExecutionStatus.UndefinedStep => StepOutcome.Undefined,
            ScenarioExecutionStatus.StepDefinitionPending => StepOutcome.Pending,
            ScenarioExecutionStatus.Skipped => StepOutcome.Skipped,
            _ => StepOutcome.Failed,
        };
    }

    private Exception? ErrorOf(int index) =>
        Aborted is var (abortedAt, abortError) && index == abortedAt ? abortError
        : index < Recorded.Count ? Recorded[index].Error
        : null;
}
