namespace Sandbox.Testing;

/// <summary>Drives compose/native/stack.sh, the same script `make up` runs.</summary>
public static class StackScript
{
    public static string Script => RepositoryRoot.Combine("compose", "native", "stack.sh");

    public static Task UpAsync() => RunAsync("up");

    public static Task DownAsync() => RunAsync("down");

    /// <summary>The script's own probes (curl, psql): true when all four services answer.</summary>
    public static async Task<bool> IsReadyAsync() =>
        (await ProcessRunner.RunAsync(Script, ["ready"], timeout: TimeSpan.FromMinutes(1))).ExitCode == 0;

    private static async Task RunAsync(string verb)
    {
        var result = await ProcessRunner.RunAsync(Script, [verb], timeout: TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"stack.sh {verb} failed ({result.ExitCode}):\n{result.Output}");
    }
}
