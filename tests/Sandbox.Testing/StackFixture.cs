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
    // Collections run in parallel, each with a fixture of its own: one at a time checks (and, if need
    // be, starts) the stack; a stack the tests started stops when the last fixture using it is done.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _users;
    private static bool _startedByTests;

    public SandboxStack Stack { get; private set; } = null!;
    public SandboxEndpoints Endpoints => Stack.Endpoints;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            Stack = SandboxStack.FromContract();
            await EnsureUpAsync();
            _users++;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task EnsureUpAsync()
    {
        if (await AllReadyAsync()) return;
        if (Stack.Endpoints.Target != StackTarget.Native)
            throw new InvalidOperationException($"the {Stack.Endpoints.Target} stack does not answer: start it with 'make up'");
        // A running stack can miss the 3 s probes on a loaded box (DynamoDB listing hundreds of test tables):
        // ask the script too, so a stack someone else started is never "started by the tests" and stopped afterwards.
        if (await StackScript.IsReadyAsync()) return;

        await StackScript.UpAsync();
        _startedByTests = true;
        await Stack.DisposeAsync();
        Stack = SandboxStack.FromContract(); // the contract file now exists
        foreach (var step in Stack.BootstrapSteps())
            await foreach (var _ in step.RunAsync(CancellationToken.None)) { }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await Stack.DisposeAsync();
            if (--_users == 0 && _startedByTests)
            {
                await StackScript.DownAsync();
                _startedByTests = false;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<bool> AllReadyAsync() =>
        (await Stack.Probe().ProbeAllAsync(TimeSpan.FromSeconds(3))).All(r => r.Ready);
}

public static class StackCollection
{
    public const string Name = "stack";
}
