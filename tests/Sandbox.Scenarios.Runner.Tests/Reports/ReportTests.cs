using System.Text.Json;
using System.Xml.Linq;
using Sandbox.Scenarios.Runner.Tests.Execution;

namespace Sandbox.Scenarios.Runner.Tests.Reports;

[Collection(ScenarioRunCollection.Name)]
public sealed class ReportTests(ScenarioRunFixture run)
{
    [Fact]
    public void JUnit_has_a_suite_per_feature_and_a_case_per_scenario()
    {
        var root = XDocument.Load(run.Summary.JUnitReportPath).Root!;

        Assert.Equal("19", root.Attribute("tests")!.Value);
        Assert.Equal("9", root.Attribute("failures")!.Value);
        Assert.Equal("2", root.Attribute("skipped")!.Value);
        Assert.Equal(["Step arguments", "Calculator", "Broken feature hook", "Hooks", "Outcomes"], root.Elements("testsuite").Select(s => s.Attribute("name")!.Value));
        Assert.Equal(19, root.Descendants("testcase").Count());
        Assert.Contains("after-feature hook broke", root.Element("system-err")!.Value);
    }

    [Fact]
    public void JUnit_failures_carry_the_step_and_skips_their_reason()
    {
        var cases = XDocument.Load(run.Summary.JUnitReportPath).Descendants("testcase")
            .ToDictionary(c => c.Attribute("name")!.Value);

        var failure = cases["Outcomes: A wrong expectation fails"].Element("failure")!;
        Assert.Equal("Then the result is 5", failure.Attribute("message")!.Value);
        Assert.Equal("Xunit.Sdk.EqualException", failure.Attribute("type")!.Value);
        Assert.Contains("at outcomes.feature:7", failure.Value);
        Assert.Equal("undefined", cases["Outcomes: A step without binding is undefined"].Element("failure")!.Attribute("type")!.Value);
        Assert.StartsWith("Waiting for the lake writer", cases["Outcomes: An ignored scenario"].Element("skipped")!.Attribute("message")!.Value);
        Assert.Empty(cases["Calculator: Add two numbers"].Elements());
        Assert.Equal("outcomes.feature", cases["Outcomes: A pending step"].Attribute("classname")!.Value);
    }

    [Fact]
    public void Cucumber_messages_describe_every_case_with_step_statuses()
    {
        var envelopes = File.ReadLines(run.Summary.MessagesPath).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var kinds = envelopes.Select(e => e.EnumerateObject().Single().Name).ToList();

        Assert.Equal("meta", kinds[0]);
        Assert.Equal(5, kinds.Count(k => k == "gherkinDocument"));
        Assert.Equal(19, kinds.Count(k => k == "pickle"));
        Assert.Equal(19, kinds.Count(k => k == "testCaseFinished"));
        Assert.Equal("testRunFinished", kinds[^1]);
        Assert.False(envelopes[^1].GetProperty("testRunFinished").GetProperty("success").GetBoolean());

        var statuses = envelopes.Where(e => e.TryGetProperty("testStepFinished", out _))
            .Select(e => e.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString())
            .ToHashSet();
        Assert.Equal(["FAILED", "PASSED", "PENDING", "SKIPPED", "UNDEFINED"], statuses.Order());

        var suggestion = Assert.Single(envelopes, e => e.TryGetProperty("suggestion", out _)).GetProperty("suggestion");
        Assert.Contains("[When(\"I divide by a banana\")]", suggestion.GetProperty("snippets")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void The_html_report_is_Cucumbers_standalone_page_with_the_messages_inside()
    {
        var html = File.ReadAllText(run.Summary.HtmlReportPath);

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart());
        Assert.Contains("<title>Sandbox scenarios</title>", html);
        Assert.Contains("\"testRunFinished\"", html);
        Assert.Contains("A wrong expectation fails", html);
        Assert.EndsWith("</html>", html.TrimEnd());
    }
}
