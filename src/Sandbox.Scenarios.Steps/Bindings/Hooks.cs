using Reqnroll;

namespace Sandbox.Scenarios.Steps.Bindings;

[Binding]
public sealed class Hooks(PipelineWorld world)
{
    /// <summary>Removes the scenario's stream, buckets, tables and database whatever the outcome.</summary>
    [AfterScenario]
    public Task CleanUp() => world.DisposeAsync().AsTask();
}
