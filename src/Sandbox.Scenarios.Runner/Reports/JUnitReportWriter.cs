using System.Globalization;
using System.Xml.Linq;
using Sandbox.Scenarios.Runner.Execution;

namespace Sandbox.Scenarios.Runner.Reports;

/// <summary>JUnit XML as CI servers read it: one testsuite per feature file, one testcase per scenario case.</summary>
public static class JUnitReportWriter
{
    public static void Write(RunSummary summary, string path)
    {
        var suites = summary.Results
            .GroupBy(r => r.Case.Feature)
            .Select(feature => Suite(feature.Key.Title, feature.Key.RelativePath, feature.ToList()));
        var root = new XElement("testsuites",
            new XAttribute("name", "scenarios"),
            Counts(summary.Results),
            suites);
        if (summary.TeardownErrors.Count > 0)
            root.Add(new XElement("system-err", string.Join("\n", summary.TeardownErrors.Select(e => e.ToString()))));
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(path);
    }

    private static XElement Suite(string title, string file, IReadOnlyList<ScenarioResult> results) =>
        new("testsuite",
            new XAttribute("name", title),
            new XAttribute("file", file),
            new XAttribute("timestamp", results[0].StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            Counts(results),
            results.Select(Case));

    private static IEnumerable<XAttribute> Counts(IReadOnlyList<ScenarioResult> results) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(r => r.IsFailure)),
        new("errors", 0),
        new("skipped", results.Count(r => r.Outcome == ScenarioOutcome.Skipped)),
        new("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration))),
    ];

    private static XElement Case(ScenarioResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("name", result.Case.DisplayName),
            new XAttribute("classname", result.Case.Feature.RelativePath),
            new XAttribute("file", result.Case.Feature.RelativePath),
            new XAttribute("line", result.Case.Line),
            new XAttribute("time", Seconds(result.Duration)));
        if (result.Outcome == ScenarioOutcome.Skipped)
            element.Add(new XElement("skipped", new XAttribute("message", result.Message)));
        else if (result.IsFailure)
            element.Add(new XElement("failure",
                new XAttribute("message", result.Message.Split('\n')[0]),
                new XAttribute("type", result.Outcome == ScenarioOutcome.Failed ? result.Error?.GetType().FullName ?? "failed" : result.Outcome.ToString().ToLowerInvariant()),
                result.Message + (result.Error?.StackTrace is { } stack ? "\n" + stack : "")));
        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
