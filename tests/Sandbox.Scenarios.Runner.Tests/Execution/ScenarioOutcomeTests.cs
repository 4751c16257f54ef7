using Sandbox.Scenarios.Runner.Execution;
using Sandbox.Scenarios.Runner.Tests.Bindings;

namespace Sandbox.Scenarios.Runner.Tests.Execution;

[Collection(ScenarioRunCollection.Name)]
public sealed class ScenarioOutcomeTests(ScenarioRunFixture run)
{
    [Theory]
    [InlineData("Calculator: Add two numbers")]
    [InlineData("Calculator: Multiply [row 1: a=2, b=3, product=6]")]
    [InlineData("Calculator: Multiply [row 2: a=40, b=50, product=2000]")]
    [InlineData("Calculator: Multiply [row 3: a=100, b=10, product=1000]")]
    [InlineData("Calculator: Subtract")]
    [InlineData("Step arguments: A data table")]
    [InlineData("Step arguments: A doc string")]
    [InlineData("Hooks: Hooks run around the steps")]
    public void Passing_scenarios_pass_with_every_step_passed(string name)
    {
        var result = run.Result(name);

        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Null(result.FailedStep);
    }

    [Fact]
    public void A_failing_step_fails_with_its_text_file_line_and_the_assertion()
    {
        var result = run.Result("Outcomes: A wrong expectation fails");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Equal("the result is 5", result.FailedStep!.Text);
        Assert.StartsWith("Then the result is 5\n  at outcomes.feature:7\nXunit.Sdk.EqualException: Assert.Equal() Failure", result.Message);
        Assert.Contains("Expected: 5", result.Message);
        Assert.Contains("Actual:   4", result.Message);
        Assert.IsType<Xunit.Sdk.EqualException>(result.Error);
        Assert.Equal([StepOutcome.Passed, StepOutcome.Passed, StepOutcome.Failed, StepOutcome.Skipped], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public void Reqnrolls_trace_is_kept_per_scenario()
    {
        var output = run.Result("Outcomes: A wrong expectation fails").Output;

        Assert.Equal("Given a calculator showing 0", output[0]);
        Assert.StartsWith("done: CalculatorSteps.ACalculatorShowing(0)", output[1]);
        Assert.Contains(output, line => line.StartsWith("error: Assert.Equal() Failure"));
        Assert.Equal("skipped because of previous errors", output[^1]);
        Assert.DoesNotContain(output, line => line.Contains("banana"));
    }

    [Fact]
    public void An_undefined_step_fails_with_a_suggested_binding()
    {
        var result = run.Result("Outcomes: A step without binding is undefined");

        Assert.Equal(ScenarioOutcome.Undefined, result.Outcome);
        Assert.True(result.IsFailure);
        Assert.Equal("I divide by a banana", result.FailedStep!.Text);
        Assert.StartsWith("Undefined step: When I divide by a banana\n  at outcomes.feature:12\n", result.Message);
        Assert.Contains("[When(\"I divide by a banana\")]", result.Message);
        Assert.Equal([StepOutcome.Passed, StepOutcome.Undefined, StepOutcome.Skipped], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public void A_pending_step_fails_as_pending()
    {
        var result = run.Result("Outcomes: A pending step");

        Assert.Equal(ScenarioOutcome.Pending, result.Outcome);
        Assert.True(result.IsFailure);
        Assert.StartsWith("Pending step: When the calculator is still being built\n  at outcomes.feature:17", result.Message);
    }

    [Fact]
    public void An_ambiguous_step_fails_naming_the_ambiguity()
    {
        var result = run.Result("Outcomes: An ambiguous step fails");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.StartsWith("Given a step that two bindings match\n  at outcomes.feature:20\n", result.Message);
        Assert.Contains("Ambiguous", result.Message);
    }

    [Fact]
    public void Ignored_scenarios_are_skipped_with_their_reason_and_run_no_step()
    {
        var withReason = run.Result("Outcomes: An ignored scenario");
        var withoutReason = run.Result("Outcomes: An ignored scenario without a reason");

        Assert.Equal(ScenarioOutcome.Skipped, withReason.Outcome);
        Assert.False(withReason.IsFailure);
        Assert.Equal("Waiting for the lake writer, see issue 9 (@ignore at outcomes.feature:24)", withReason.Message);
        Assert.All(withReason.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
        Assert.Contains("no reason given", withoutReason.Message);
    }

    [Fact]
    public void A_failing_BeforeScenario_hook_fails_the_scenario_and_skips_its_steps()
    {
        var result = run.Result("Hooks: A failing BeforeScenario hook fails the scenario");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Null(result.FailedStep);
        Assert.Contains("BeforeScenario hook", result.Message);
        Assert.Contains("before-scenario hook broke", result.Message);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
    }

    [Fact]
    public void A_failing_AfterStep_hook_fails_the_step_and_skips_the_rest()
    {
        var result = run.Result("Hooks: A failing AfterStep hook fails the step it ran after");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.Equal("Given a calculator showing 0\n  at hooks.feature:14\nSystem.InvalidOperationException: after-step hook broke", result.Message);
        Assert.Equal([StepOutcome.Failed, StepOutcome.Skipped], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public void A_failing_AfterScenario_hook_fails_a_scenario_whose_steps_passed()
    {
        var result = run.Result("Hooks: A failing AfterScenario hook fails a scenario whose steps passed");

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.StartsWith("AfterScenario hook of 'Hooks: A failing AfterScenario hook fails a scenario whose steps passed' (hooks.feature:18) failed", result.Message);
        Assert.Contains("after-scenario hook broke", result.Message);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
    }

    [Theory]
    [InlineData("Broken feature hook: First scenario of a feature whose BeforeFeature hook fails")]
    [InlineData("Broken feature hook: Second scenario of that feature")]
    public void A_failing_BeforeFeature_hook_fails_every_scenario_of_the_feature(string name)
    {
        var result = run.Result(name);

        Assert.Equal(ScenarioOutcome.Failed, result.Outcome);
        Assert.StartsWith("BeforeFeature hook of", result.Message);
        Assert.Contains("before-feature hook broke", result.Message);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
    }

    [Fact]
    public void After_hooks_run_for_scenarios_features_and_the_test_run()
    {
        Assert.Equal(["Hooks run around the steps", "A failing BeforeScenario hook fails the scenario"], HookLog.AfterScenarios.Take(2));
        Assert.Equal(1, HookLog.AfterFeatures);
        Assert.True(HookLog.AfterTestRuns >= 1);
    }

    [Fact]
    public void A_failing_AfterFeature_hook_is_a_teardown_error_of_the_run()
    {
        var error = Assert.Single(run.Summary.TeardownErrors);

        Assert.Equal("after-feature hook broke", error.Message);
    }

    [Fact]
    public void The_summary_counts_outcomes_and_fails_the_run()
    {
        var summary = run.Summary;

        Assert.Equal(19, summary.Results.Count);
        Assert.Equal(8, summary.Passed);
        Assert.Equal(9, summary.Failed);
        Assert.Equal(2, summary.Skipped);
        Assert.False(summary.Succeeded);
        Assert.Equal(1, summary.ExitCode);
        Assert.Equal("scenarios: 8 passed, 9 failed, 2 skipped, 1 teardown hook error(s)", summary.Describe());
        Assert.Equal(summary.Results.Select(r => r.Case.DisplayName), run.Progress);
    }
}
