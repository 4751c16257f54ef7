using System.Reflection;
using Reqnroll.Events;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>
/// Stands in for Reqnroll.xUnit's plugin: without a registered IUnitTestRuntimeProvider every
/// scenario fails with "IUnitTestRuntimeProvider('nunit') cannot be resolved". Registered from
/// code through <see cref="RunnerContainerBuilder"/>, so binding assemblies need no attribute.
/// </summary>
internal sealed class RunnerRuntimePlugin(IReadOnlyList<Assembly> additionalBindingAssemblies) : IRuntimePlugin
{
    public void Initialize(RuntimePluginEvents events, RuntimePluginParameters parameters, UnitTestProviderConfiguration unitTestProvider)
    {
        unitTestProvider.UseUnitTestProvider(SignallingRuntimeProvider.Name);
        events.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<SignallingRuntimeProvider, IUnitTestRuntimeProvider>(SignallingRuntimeProvider.Name);
            // A local-first sandbox sends nothing to Reqnroll's usage telemetry, in CI least of all.
            e.ObjectContainer.RegisterTypeAs<TelemetryOff, Reqnroll.Analytics.IEnvironmentReqnrollTelemetryChecker>();
        };
        events.ConfigurationDefaults += (_, e) =>
            e.ReqnrollConfiguration.AdditionalStepAssemblies.AddRange(additionalBindingAssemblies.Select(a => a.FullName!));
        events.CustomizeTestThreadDependencies += (_, e) =>
        {
            var recorder = new StepRecorder();
            e.ObjectContainer.RegisterInstanceAs(recorder);
            e.ObjectContainer.RegisterInstanceAs<ITraceListener>(recorder);
            e.ObjectContainer.Resolve<ITestThreadExecutionEventPublisher>().AddListener(recorder);
        };
    }
}
