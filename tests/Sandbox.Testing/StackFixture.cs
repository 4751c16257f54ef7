using Sandbox.Core.Endpoints;
using Sandbox.Stack;

namespace Sandbox.Testing;

/// <summary>
/// Integration tests talk to the running stack through the endpoints contract. When no stack
/// answers, the fixture starts the native one (and bootstraps it), and stops it again afterwards.
/// Use with [Collection(StackCollection.Name)] and a CollectionDefinition in the test assembly.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private bool _startedHere;

    public SandboxStack Stack { get; private set; } = null!;
    public SandboxEndpoints Endpoints => Stack.Endpoints;

    public async Task InitializeAsync()
    {
        Stack = SandboxStack.FromContract();
        if (await AllReadyAsync()) return;
        if (Stack.Endpoints.Target != StackTarget.Native)
            throw new InvalidOperationException($"the {Stack.Endpoints.Target} stack does not answer: start it with 'make up'");
        // A running stack can miss the 3 s probes on a loaded box (dynalite listing hundreds of test tables):
        // ask the script too, so a stack someone else started is never "started here" and stopped afterwards.
        if (await StackScript.IsReadyAsync()) return;

        await StackScript.UpAsync();
        _startedHere = true;
        await Stack.DisposeAsync();
        Stack = SandboxStack.FromContract(); // the contract file now exists
        foreach (var step in Stack.BootstrapSteps())
            await foreach (var _ in step.RunAsync(CancellationToken.None)) { }
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        if (_startedHere) await StackScript.DownAsync();
    }

    private async Task<bool> AllReadyAsync() =>
        (await Stack.Probe().ProbeAllAsync(TimeSpan.FromSeconds(3))).All(r => r.Ready);
}

public static class StackCollection
{
    public const string Name = "stack";
}
