using Sandbox.Scenarios.Steps.Cli;

namespace Sandbox.Scenarios.Steps.Tests.Cli;

/// <summary>Runs `sandbox verify` in-process against the running stack (each scenario on its own resources).</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("verify-tests-");
    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    private const string GoodLine =
        """{"event_id":"01M8Q7YNK5P8M8SM72R0Z7RFQR","event_name":"app_open","user_id":"u1","anonymous_id":"a1","session_id":"s-1","platform":"ios","os_version":"17.5","device_model":"iPhone14,7","app_version":"5.11.0","locale":"ja-JP","event_time":"2026-11-30T22:07:06.853Z","received_at":"2026-11-30T22:07:07.467Z","properties":{"open_source":"deeplink","is_first_open":false}}""";

    [Fact]
    public async Task Malformed_and_unplanned_lines_are_listed_and_fail_the_run_while_the_good_lines_are_checked_end_to_end()
    {
        var features = Path.Combine(_folder.FullName, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "app.feature"), """
            Feature: App release
              Scenario: Captured events arrive once
                Given the app's captured event log
                When the logs are shipped through the pipeline
                Then every shipped event is in the warehouse exactly once
            """);
        var events = Path.Combine(_folder.FullName, "captured.jsonl");
        File.WriteAllLines(events, [GoodLine, "{\"torn", GoodLine.Replace("app_open", "app_opened").Replace("01M8Q7YNK5P8M8SM72R0Z7RFQR", "01M8Q7YNK5P8M8SM72R0Z7RFQS")]);

        var (exit, output) = await RunAsync("--features", features, "--events", events, "--reports", Path.Combine(_folder.FullName, "reports"));

        Assert.Equal(1, exit);
        Assert.Contains("3 lines, 1 follow tracking plan, 1 malformed, 1 unplanned", output);
        Assert.Contains($"{events}:2: malformed_json", output);
        Assert.Contains($"{events}:3: unplanned_event at $.event_name: 'app_opened' is not in tracking plan", output);
        Assert.Contains("scenarios: 1 passed, 0 failed, 0 skipped", output);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "reports", "scenarios.junit.xml")));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "reports", "scenarios.html")));
    }

    [Fact]
    public async Task A_missing_features_folder_is_refused()
    {
        var (exit, _) = await RunAsync("--features", Path.Combine(_folder.FullName, "nowhere"));
        Assert.Equal(2, exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await ConsoleGate.WaitAsync();
        var previous = Console.Out;
        var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            var exit = await VerifyCommand.Build().Parse(args).InvokeAsync();
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(previous);
            ConsoleGate.Release();
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
