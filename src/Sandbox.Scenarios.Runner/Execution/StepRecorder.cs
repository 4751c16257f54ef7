using Reqnroll;
using Reqnroll.Events;
using Reqnroll.Tracing;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>
/// Collects each step's status as Reqnroll finishes it, and Reqnroll's trace output (which would
/// otherwise go to the console), one recorder per test thread.
/// </summary>
internal sealed class StepRecorder : IAsyncExecutionEventListener, IThreadSafeTraceListener
{
    private readonly List<(ScenarioExecutionStatus Status, Exception? Error)> _steps = [];
    private readonly List<string> _output = [];

    public IReadOnlyList<(ScenarioExecutionStatus Status, Exception? Error)> Steps => _steps;
    public IReadOnlyList<string> Output => _output;

    public void Reset()
    {
        _steps.Clear();
        _output.Clear();
    }

    public void WriteTestOutput(string message) => _output.Add(message);
    public void WriteToolOutput(string message) => _output.Add(message);

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        if (executionEvent is StepFinishedEvent { StepContext: ScenarioStepContext step })
            _steps.Add((step.Status, step.StepError));
        return Task.CompletedTask;
    }
}
