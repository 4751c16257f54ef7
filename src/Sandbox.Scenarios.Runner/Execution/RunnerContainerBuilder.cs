using System.Reflection;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>Reqnroll's container builder with <see cref="RunnerRuntimePlugin"/> registered from code.</summary>
internal sealed class RunnerContainerBuilder(IReadOnlyList<Assembly> additionalBindingAssemblies) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        // Runtime chatter ("Loading plugin ...") stays off a CLI's stdout; scenario output is recorded per case.
        container.RegisterTypeAs<NullListener, ITraceListener>();
        container.RegisterInstanceAs<IRuntimePlugin>(new RunnerRuntimePlugin(additionalBindingAssemblies), "Sandbox.Scenarios.Runner");
    }
}
