using System.Diagnostics;
using System.Text.RegularExpressions;
using Sandbox.Load.Processes;
using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// `sandbox load` SIGKILLed itself (no shutdown code runs): the boxes it started (Firehose host,
/// click-log host, shipper) must not live on as orphans still reading the run's stream.
/// </summary>
[Collection(StackCollection.Name)]
public partial class LoadKillTests(StackFixture stack)
{
    private static readonly string[] Boxes = ["firehose", "clicklog", "ship"];

    [Fact]
    public async Task The_boxes_end_when_the_load_is_sigkilled()
    {
        var folder = Directory.CreateTempSubdirectory("sandbox-load-kill-").FullName;
        string? runId = null;
        try
        {
            var day = Path.Combine(folder, "day");
            var generated = await SandboxCli.RunAsync(null, "generate", "--from", "2026-11-02", "--events-per-day", "2000", "--users", "200",
                "--seed", "7", "--threads", "1", "-o", day);
            Assert.True(generated.ExitCode == 0, generated.Output);
            // The day in an hour: still feeding when it is killed.
            await using var load = ChildProcess.Start("dotnet", [SandboxCli.Dll, "load", "--day", day, "--speed", "24", "--shards", "1",
                "--interval-seconds", "2", "--buffer-seconds", "1", "--reports", Path.Combine(folder, "reports")]);
            var children = await WaitForBoxesAsync(load, TimeSpan.FromSeconds(90));
            runId = RunIdPattern().Match(load.StandardOutput).Groups[1].Value;

            load.KillHard();

            var clock = Stopwatch.StartNew();
            while (children.Any(Alive) && clock.Elapsed < TimeSpan.FromSeconds(40)) await Task.Delay(200);
            Assert.True(!children.Any(Alive), $"boxes still running {clock.Elapsed.TotalSeconds:N0} s after the load was killed: "
                + string.Join(", ", children.Where(Alive).Select(pid => $"{pid} {CommandLineOf(pid)}")) + $"\n{load.Output}");
        }
        finally
        {
            // A killed run keeps its resources: remove them from the shared stack.
            if (!string.IsNullOrEmpty(runId)) await RunResources.For(runId, stack.Endpoints, 1).DeleteAsync(stack.Endpoints, TextWriter.Null);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The load's child processes once all three boxes run (bootstrap done, the shipper started).</summary>
    private static async Task<int[]> WaitForBoxesAsync(ChildProcess load, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            Assert.False(load.HasExited, $"the load ended before its boxes ran\n{load.Output}");
            var children = ChildrenOf(load.Id);
            if (Boxes.All(box => children.Any(pid => CommandLineOf(pid).Contains($" {box} ")))) return children;
            await Task.Delay(250);
        }
        throw new TimeoutException($"the load's boxes did not start within {timeout.TotalSeconds} s\n{load.Output}");
    }

    private static int[] ChildrenOf(int pid) =>
        Directory.GetDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse).ToArray();

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Running: its /proc entry is there and not a zombie (reaped late by whoever adopted it).</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"load: run (\S+):")]
    private static partial Regex RunIdPattern();
}
