namespace Sandbox.Scenarios.Runner.Tests.Bindings;

/// <summary>Shared by several binding classes through Reqnroll's context injection.</summary>
public sealed class CalculatorState
{
    public int Value { get; set; }
}
