using Reqnroll;
using Reqnroll.Events;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>Collects each step's status as Reqnroll finishes it (one recorder per test thread).</summary>
internal sealed class StepRecorder : IAsyncExecutionEventListener
{
    private readonly List<(ScenarioExecutionStatus Status, Exception? Error)> _steps = [];

    public IReadOnlyList<(ScenarioExecutionStatus Status, Exception? Error)> Steps => _steps;

    public void Reset() => _steps.Clear();

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        if (executionEvent is StepFinishedEvent { StepContext: ScenarioStepContext step })
            _steps.Add((step.Status, step.StepError));
        return Task.CompletedTask;
    }
}
