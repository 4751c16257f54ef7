using System.Runtime.InteropServices;
using Cucumber.HtmlFormatter;
using Cucumber.Messages;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using Sandbox.Scenarios.Runner.Discovery;
using Sandbox.Scenarios.Runner.Execution;
using MessageException = Io.Cucumber.Messages.Types.Exception;

namespace Sandbox.Scenarios.Runner.Reports;

/// <summary>
/// Writes the run as Cucumber messages (NDJSON) and as Cucumber's standalone HTML report, with the
/// same Cucumber.Messages / Cucumber.HtmlFormatter versions Reqnroll 3.3.4 depends on.
/// </summary>
public static class CucumberReportWriter
{
    private const string RunId = "run";

    public static async Task WriteAsync(ScenarioCatalog catalog, RunSummary summary, string htmlPath, string ndjsonPath)
    {
        var envelopes = Envelopes(catalog, summary).ToList();

        await using (var ndjson = File.Create(ndjsonPath))
        using (var writer = new MessageToNdjsonWriter(ndjson, (w, e) => w.Write(NdjsonSerializer.Serialize(e))))
            envelopes.ForEach(writer.Write);

        await using var html = File.Create(htmlPath);
        await using var htmlWriter = new MessagesToHtmlWriter(html, (w, e) => w.WriteAsync(NdjsonSerializer.Serialize(e)), new HtmlReportSettings { Title = "Sandbox scenarios" });
        foreach (var envelope in envelopes)
            await htmlWriter.WriteAsync(envelope);
    }

    private static IEnumerable<Envelope> Envelopes(ScenarioCatalog catalog, RunSummary summary)
    {
        var version = typeof(CucumberReportWriter).Assembly.GetName().Version?.ToString() ?? "0";
        yield return Envelope.Create(new Meta(ProtocolVersion.Version,
            new Product("Sandbox.Scenarios.Runner (Reqnroll)", version),
            new Product(".NET", Environment.Version.ToString()),
            new Product(RuntimeInformation.OSDescription, null),
            new Product(RuntimeInformation.ProcessArchitecture.ToString(), null),
            null));

        foreach (var feature in catalog.Features)
        {
            yield return Envelope.Create(new Source(feature.RelativePath, feature.Source, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN));
            yield return Envelope.Create(feature.Document);
            foreach (var pickle in feature.Pickles)
                yield return Envelope.Create(pickle);
        }

        var runStart = summary.Results.Count > 0 ? summary.Results[0].StartedAt : DateTimeOffset.UtcNow;
        yield return Envelope.Create(new TestRunStarted(Timestamp(runStart), RunId));

        var number = 0;
        foreach (var result in summary.Results)
            foreach (var envelope in TestCaseEnvelopes(result, ++number))
                yield return envelope;

        var runEnd = summary.Results.Count > 0 ? summary.Results[^1].StartedAt + summary.Results[^1].Duration : runStart;
        yield return Envelope.Create(new TestRunFinished(summary.Describe(), summary.Succeeded, Timestamp(runEnd), null, RunId));
    }

    private static IEnumerable<Envelope> TestCaseEnvelopes(ScenarioResult result, int number)
    {
        var testCaseId = $"tc{number}";
        var startedId = $"tcs{number}";
        var stepIds = result.Steps.Select((_, i) => $"{testCaseId}-s{i}").ToList();
        yield return Envelope.Create(new TestCase(testCaseId, result.Case.Pickle.Id,
            result.Steps.Select((s, i) => new TestStep(null, stepIds[i], s.Step.PickleStepId, [], [])).ToList(), RunId));

        if (result.Outcome == ScenarioOutcome.Undefined && result.FailedStep is { } undefined && result.Error is { } suggestion)
            yield return Envelope.Create(new Suggestion($"{testCaseId}-suggestion", undefined.PickleStepId,
                [new Snippet("csharp", suggestion.Message)]));

        var start = Timestamp(result.StartedAt);
        var end = Timestamp(result.StartedAt + result.Duration);
        yield return Envelope.Create(new TestCaseStarted(0, startedId, testCaseId, null, start));
        for (var i = 0; i < result.Steps.Count; i++)
        {
            yield return Envelope.Create(new TestStepStarted(startedId, stepIds[i], start));
            yield return Envelope.Create(new TestStepFinished(startedId, stepIds[i], StepResult(result, result.Steps[i]), end));
        }
        yield return Envelope.Create(new TestCaseFinished(startedId, end, false));
    }

    private static TestStepResult StepResult(ScenarioResult scenario, Execution.StepResult step)
    {
        var status = step.Outcome switch
        {
            StepOutcome.Passed => TestStepResultStatus.PASSED,
            StepOutcome.Failed => TestStepResultStatus.FAILED,
            StepOutcome.Undefined => TestStepResultStatus.UNDEFINED,
            StepOutcome.Pending => TestStepResultStatus.PENDING,
            _ => TestStepResultStatus.SKIPPED,
        };
        var isTheFailure = ReferenceEquals(scenario.FailedStep, step.Step);
        var message = isTheFailure ? scenario.Message : step.Outcome == StepOutcome.Skipped && scenario.Case.IgnoreReason is { } reason ? reason : null;
        var error = isTheFailure ? scenario.Error : null;
        return new TestStepResult(new Duration(0, 0), message, status,
            error is null ? null : new MessageException(error.GetType().FullName, error.Message, error.StackTrace));
    }

    private static Timestamp Timestamp(DateTimeOffset time) => Converters.ToTimestamp(time.UtcDateTime);
}
