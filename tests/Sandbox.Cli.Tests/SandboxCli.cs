using Sandbox.Testing;

namespace Sandbox.Cli.Tests;

/// <summary>Runs the built `sandbox` command (copied next to the tests) as a user would.</summary>
public static class SandboxCli
{
    public static Task<ProcessResult> RunAsync(IDictionary<string, string>? environment, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "sandbox.dll"), .. arguments], environment);
}
