using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Commands;

/// <summary>`sandbox load` refuses bad input before anything starts: no child process, no stream, nothing generated.</summary>
[Collection(StackCollection.Name)]
public class LoadCommandTests(StackFixture stack)
{
    [Fact]
    public async Task A_stack_that_is_not_up_is_named_before_anything_starts()
    {
        var reports = Directory.CreateTempSubdirectory("load-reports-").FullName;
        var result = await SandboxCli.RunAsync(new Dictionary<string, string> { ["SANDBOX_KINESIS_URL"] = $"http://127.0.0.1:{FreeLoopbackPort.Next()}" },
            "load", "--events", "1000", "--reports", reports);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains("load: the stack is not up: kinesis at", result.StandardError);
        Assert.Contains("make up", result.StandardError);
        Assert.Empty(Directory.GetFileSystemEntries(reports));
    }

    [Fact]
    public async Task A_day_folder_without_a_manifest_and_a_shard_count_of_zero_are_refused()
    {
        var day = Directory.CreateTempSubdirectory("load-day-").FullName;
        var noManifest = await SandboxCli.RunAsync(null, "load", "--day", day);
        Assert.True(noManifest.ExitCode == 2, noManifest.Output);
        Assert.Contains($"--day '{day}' has no manifest.json", noManifest.StandardError);

        var zero = await SandboxCli.RunAsync(null, "load", "--day", day, "--shards", "0");
        Assert.True(zero.ExitCode == 2, zero.Output);
        Assert.Contains("--shards '0': a stream needs at least 1 shard", zero.StandardError);
        _ = stack;
    }
}
