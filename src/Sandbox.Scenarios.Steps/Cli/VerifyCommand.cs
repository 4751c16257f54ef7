using System.CommandLine;
using Sandbox.Core.TrackingPlan;
using Sandbox.Scenarios.Runner;
using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Steps.Cli;

/// <summary>
/// <c>sandbox verify</c>: runs the features against the running stack (each scenario on its own
/// resources), writes JUnit XML and Cucumber HTML, exits non-zero when a scenario fails. With
/// --events, the app's captured event log is checked line by line and shipped by the scenarios
/// that say "Given the app's captured event log".
/// </summary>
public static class VerifyCommand
{
    public static Command Build()
    {
        var features = new Option<string>("--features") { Description = "Folder of *.feature files (searched recursively)", Required = true };
        var events = new Option<string?>("--events") { Description = "The app's captured event log (JSON lines, .jsonl or .jsonl.gz) to push through the stack" };
        var reports = new Option<string>("--reports") { Description = "Folder for scenarios.junit.xml, scenarios.html and scenarios.ndjson", DefaultValueFactory = _ => ".sandbox/scenarios" };
        var command = new Command("verify", "Run Gherkin scenarios against the running stack (JUnit XML + Cucumber HTML); --events ships an app's captured log")
        {
            features, events, reports,
        };
        command.SetAction(async (parse, ct) =>
        {
            var featuresDir = parse.GetValue(features)!;
            if (!Directory.Exists(featuresDir)) return Refuse($"--features '{featuresDir}' is not a folder");
            var capturedOk = true;
            if (parse.GetValue(events) is { } captured)
            {
                if (!File.Exists(captured)) return Refuse($"--events '{captured}' does not exist");
                var check = CapturedLogCheck.Run(captured, TrackingPlanLoader.LoadEmbedded());
                foreach (var line in check.Describe(captured)) Console.WriteLine(line);
                if (check.Good == 0) return Refuse($"--events '{captured}' holds no event that follows the tracking plan");
                capturedOk = check.Bad.Count == 0;
                ScenarioInputs.CapturedEvents = Path.GetFullPath(captured);
            }
            var summary = await ScenarioRun.RunAsync(featuresDir, [typeof(PipelineWorld).Assembly], parse.GetValue(reports)!, Print, ct);
            Console.WriteLine($"verify: reports in {summary.JUnitReportPath} and {summary.HtmlReportPath}");
            if (!capturedOk) Console.WriteLine("verify: the captured event log has lines that break the tracking plan (listed above)");
            Console.WriteLine(summary.Describe());
            return summary.Succeeded && capturedOk ? 0 : 1;
        });
        return command;
    }

    private static void Print(ScenarioResult result)
    {
        Console.WriteLine($"{result.Outcome.ToString().ToLowerInvariant(),-9} {result.Case.DisplayName} ({result.Duration.TotalSeconds:N1} s)");
        if (result.IsFailure || result.Outcome == ScenarioOutcome.Skipped)
            foreach (var line in result.Message.Split('\n')) Console.WriteLine($"          {line}");
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine($"verify: {problem}");
        return 2;
    }
}
