using Reqnroll;

namespace Sandbox.Scenarios.Runner.Tests.Bindings;

[Binding]
public sealed class CalculatorSteps(CalculatorState state)
{
    [Given("a calculator showing {int}")]
    public void ACalculatorShowing(int value) => state.Value = value;

    [When("I add {int} and {int}")]
    public void Add(int a, int b) => state.Value += a + b;

    [When("I multiply by {int}")]
    public void MultiplyBy(int factor) => state.Value *= factor;

    // Any keyword: '*' and 'And' steps take the type of the step before them.
    [StepDefinition("I subtract {int}")]
    public void Subtract(int amount) => state.Value -= amount;

    [When("the calculator is still being built")]
    public void NotYetBuilt() => throw new PendingStepException();
}
