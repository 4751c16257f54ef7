using Sandbox.Testing;

namespace Sandbox.Cli.Tests;

/// <summary>Runs the built `sandbox` command from its own build folder (see <see cref="BuildOutput"/>) as a user would.</summary>
public static class SandboxCli
{
    public static string Dll => BuildOutput.Dll("Sandbox.Cli", "sandbox.dll");

    public static Task<ProcessResult> RunAsync(IDictionary<string, string>? environment, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. arguments], environment);
}
