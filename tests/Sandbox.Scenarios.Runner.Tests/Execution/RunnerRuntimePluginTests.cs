using Reqnroll.Analytics;
using Reqnroll.Configuration;
using Reqnroll.UnitTestProvider;
using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Runner.Tests.Execution;

public sealed class RunnerRuntimePluginTests
{
    private static readonly Reqnroll.BoDi.IObjectContainer Container =
        new RunnerContainerBuilder([typeof(ScenarioRun).Assembly]).CreateGlobalContainer(typeof(RunnerRuntimePluginTests).Assembly, null);

    [Fact]
    public void Registers_the_runtime_provider_that_Reqnroll_reports_outcomes_through()
    {
        Assert.IsType<SignallingRuntimeProvider>(Container.Resolve<IUnitTestRuntimeProvider>());
    }

    [Fact]
    public void Pending_inconclusive_and_ignored_become_signals_the_session_classifies()
    {
        var provider = new SignallingRuntimeProvider();

        Assert.Equal("p", Assert.Throws<ScenarioPendingSignal>(() => provider.TestPending("p")).Message);
        Assert.Equal("i", Assert.Throws<ScenarioPendingSignal>(() => provider.TestInconclusive("i")).Message);
        Assert.Equal("s", Assert.Throws<ScenarioIgnoredSignal>(() => provider.TestIgnore("s")).Message);
        Assert.Equal(Reqnroll.ScenarioExecutionStatus.StepDefinitionPending, provider.DetectExecutionStatus(new ScenarioPendingSignal("p")));
        Assert.Equal(Reqnroll.ScenarioExecutionStatus.Skipped, provider.DetectExecutionStatus(new ScenarioIgnoredSignal("s")));
        Assert.Null(provider.DetectExecutionStatus(new InvalidOperationException()));
    }

    [Fact]
    public void Turns_usage_telemetry_off()
    {
        Assert.False(Container.Resolve<IEnvironmentReqnrollTelemetryChecker>().IsReqnrollTelemetryEnabled());
    }

    [Fact]
    public void Adds_the_other_binding_assemblies_to_the_configuration()
    {
        Assert.Contains(typeof(ScenarioRun).Assembly.FullName, Container.Resolve<ReqnrollConfiguration>().AdditionalStepAssemblies);
    }
}
