using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>Thrown by Reqnroll (through <see cref="SignallingRuntimeProvider"/>) for pending or undefined steps.</summary>
public sealed class ScenarioPendingSignal(string message) : Exception(message);

/// <summary>Thrown by Reqnroll (through <see cref="SignallingRuntimeProvider"/>) for a skipped scenario.</summary>
public sealed class ScenarioIgnoredSignal(string message) : Exception(message);

/// <summary>
/// Reqnroll reports "pending", "inconclusive" and "ignored" through the unit test framework.
/// Here they become exceptions the session turns into results; none of them is a pass.
/// </summary>
internal sealed class SignallingRuntimeProvider : IUnitTestRuntimeProvider
{
    public const string Name = "sandbox-scenarios";

    public void TestPending(string message) => throw new ScenarioPendingSignal(message);
    public void TestInconclusive(string message) => throw new ScenarioPendingSignal(message);
    public void TestIgnore(string message) => throw new ScenarioIgnoredSignal(message);
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioPendingSignal => ScenarioExecutionStatus.StepDefinitionPending,
        ScenarioIgnoredSignal => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
