using Reqnroll;

namespace Sandbox.Scenarios.GlueChecks;

[Binding]
[Scope(Tag = "glue-check")]
public sealed class GlueCheckSteps
{
    private int _value;

    [Given("the glue check value is {int}")]
    public void SetValue(int value) => _value = value;

    [Then("the glue check value is {int}")]
    public void CheckValue(int expected) => Assert.Equal(expected, _value);
}
