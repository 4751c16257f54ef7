using System.Globalization;
using System.Text.Json;
using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Commands;

/// <summary>
/// `sandbox load` refuses bad input before anything starts: no child process, no stream, nothing generated;
/// and replays a small day's peak window through the stack in seconds, checked against the window's own counts.
/// </summary>
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

    [Fact]
    public async Task A_bad_window_is_refused_before_anything_starts()
    {
        var reports = Directory.CreateTempSubdirectory("load-reports-").FullName;
        var result = await SandboxCli.RunAsync(null, "load", "--events", "1000", "--speed", "24", "--window", "noon", "--reports", reports);
        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains("--window 'noon' is neither day (the whole day) nor peak", result.StandardError);
        Assert.Empty(Directory.GetFileSystemEntries(reports));
    }

    [Fact]
    public async Task The_peak_window_alone_is_replayed_and_checked_against_its_own_events_and_clicks()
    {
        var folder = Directory.CreateTempSubdirectory("sandbox-load-window-").FullName;
        try
        {
            var day = Path.Combine(folder, "day");
            var generated = await SandboxCli.RunAsync(null, "generate", "--from", "2026-11-02", "--events-per-day", "3000", "--users", "300",
                "--seed", "9", "--threads", "1", "-o", day);
            Assert.True(generated.ExitCode == 0, generated.Output);
            // The window's 3 hours in under 4 s of feed (2880x).
            var load = await SandboxCli.RunAsync(null, "load", "--day", day, "--speed", "2880", "--window", "peak", "--shards", "1",
                "--interval-seconds", "1", "--buffer-seconds", "1", "--reports", Path.Combine(folder, "reports"));
            Assert.True(load.ExitCode == 0, load.Output);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(folder, "reports"), "load.json", SearchOption.AllDirectories).Single()));
            var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
            var replayed = run.GetProperty("replayed").GetString()!;
            Assert.StartsWith("the peak window 2026-11-02 ", replayed);
            // The expected counts, from the window's files on disk (not from the load's own arithmetic).
            var firstHour = int.Parse(replayed["the peak window 2026-11-02 ".Length..][..2], CultureInfo.InvariantCulture);
            var lines = Directory.GetFiles(day, "app-*.log", SearchOption.AllDirectories)
                .Where(f => Enumerable.Range(firstHour, 3).Any(h => Path.GetFileName(f) == $"app-20261102{h:00}.log"))
                .SelectMany(File.ReadLines).Where(l => l.Length > 0).ToList();
            var clicks = lines.Count(l => l.Contains("\"event_name\":\"click_product_link\"", StringComparison.Ordinal));
            Assert.InRange(lines.Count, 1, 2_999);
            Assert.Contains($"{lines.Count:N0} events)", replayed);
            var integrity = run.GetProperty("integrity");
            Assert.True(integrity.GetProperty("holds").GetBoolean(), load.Output);
            Assert.Contains($"warehouse {lines.Count:N0} rows = {lines.Count:N0} distinct ids, window {lines.Count:N0} events", integrity.GetProperty("summary").GetString());
            Assert.Contains($"click_logs {clicks:N0} items, window {clicks:N0} clicks", integrity.GetProperty("summary").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
