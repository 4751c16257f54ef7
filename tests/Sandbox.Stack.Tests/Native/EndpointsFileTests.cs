using Sandbox.Core.Endpoints;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Native;

/// <summary>
/// The endpoints file is read by two parsers: EndpointsLoader and a shell that sources it (the
/// README tells users to, for the awscli and psql). Both must see the same values; an unquoted
/// ';' in the warehouse connection string once cut it short for the shell.
/// </summary>
[Collection(StackCollection.Name)]
public class EndpointsFileTests(StackFixture stack)
{
    [Fact]
    public async Task The_native_stacks_file_means_the_same_to_a_shell_and_to_the_loader()
    {
        var file = EndpointsLoader.FindEnvFile();
        Assert.NotNull(file);
        Assert.Equal(stack.Endpoints.WarehouseConnectionString, await SourcedValueAsync(file, "SANDBOX_WAREHOUSE"));
    }

    [Fact]
    public async Task The_compose_stacks_file_means_the_same_to_a_shell_and_to_the_loader()
    {
        var home = Directory.CreateTempSubdirectory("sandbox-compose-env-").FullName;
        var written = await ProcessRunner.RunAsync(RepositoryRoot.Combine("compose", "write-endpoints.sh"), [],
            new Dictionary<string, string> { ["SANDBOX_HOME"] = home });
        Assert.Equal(0, written.ExitCode);
        var file = Path.Combine(home, "endpoints.env");

        var fromLoader = EndpointsLoader.ParseEnvFile(file)["SANDBOX_WAREHOUSE"];
        Assert.Contains("Database=warehouse", fromLoader);
        Assert.Equal(fromLoader, await SourcedValueAsync(file, "SANDBOX_WAREHOUSE"));
    }

    private static async Task<string> SourcedValueAsync(string file, string variable)
    {
        var shell = await ProcessRunner.RunAsync("bash", ["-c", $"set -a; . \"$1\"; printf %s \"${variable}\"", "_", file]);
        Assert.True(shell.ExitCode == 0, shell.Output);
        return shell.StandardOutput;
    }
}
