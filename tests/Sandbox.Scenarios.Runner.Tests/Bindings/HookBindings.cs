using Reqnroll;

namespace Sandbox.Scenarios.Runner.Tests.Bindings;

/// <summary>What hooks did, for tests to read after a run (a run is sequential).</summary>
public static class HookLog
{
    public static List<string> AfterScenarios { get; } = [];
    public static int AfterFeatures { get; set; }
    public static int AfterTestRuns { get; set; }
}

[Binding]
public sealed class HookBindings(FeatureContext feature)
{
    private const string LogKey = "hook-log";

    [BeforeFeature("hooks")]
    public static void BeforeFeature(FeatureContext featureContext) => featureContext[LogKey] = new List<string> { "before-feature" };

    [BeforeScenario("hooks")]
    public void BeforeScenario() => Log.Add("before-scenario");

    [BeforeScenario("failing-before-hook")]
    public void FailingBeforeScenario() => throw new InvalidOperationException("before-scenario hook broke");

    [AfterStep("failing-after-step")]
    public void FailingAfterStep() => throw new InvalidOperationException("after-step hook broke");

    [AfterScenario("failing-after-scenario")]
    public void FailingAfterScenario() => throw new InvalidOperationException("after-scenario hook broke");

    [BeforeFeature("failing-before-feature")]
    public static void FailingBeforeFeature() => throw new InvalidOperationException("before-feature hook broke");

    [AfterFeature("failing-after-feature")]
    public static void FailingAfterFeature() => throw new InvalidOperationException("after-feature hook broke");

    [BeforeStep("hooks")]
    public void BeforeStep() => Log.Add("before-step");

    [AfterScenario("hooks")]
    public void AfterScenario(ScenarioContext scenario) => HookLog.AfterScenarios.Add(scenario.ScenarioInfo.Title);

    [AfterFeature("hooks")]
    public static void AfterFeature() => HookLog.AfterFeatures++;

    [AfterTestRun]
    public static void AfterTestRun() => HookLog.AfterTestRuns++;

    [Then("the hook log reads {string}")]
    public void TheHookLogReads(string expected) => Assert.Equal(expected, string.Join(", ", Log));

    private List<string> Log => (List<string>)feature[LogKey];
}
