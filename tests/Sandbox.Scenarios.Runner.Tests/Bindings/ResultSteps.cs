using Reqnroll;

namespace Sandbox.Scenarios.Runner.Tests.Bindings;

/// <summary>A second binding class reading the same injected state.</summary>
[Binding]
public sealed class ResultSteps(CalculatorState state)
{
    [Then("the result is {int}")]
    public void TheResultIs(int expected) => Assert.Equal(expected, state.Value);
}

[Binding]
public sealed class AmbiguousStepsA
{
    [Given("a step that two bindings match")]
    public void Match() { }
}

[Binding]
public sealed class AmbiguousStepsB
{
    [Given("a step that two bindings match")]
    public void Match() { }
}
