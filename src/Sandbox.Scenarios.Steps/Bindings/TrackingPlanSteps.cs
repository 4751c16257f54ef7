using Reqnroll;
using Sandbox.Scenarios.Steps.Checks;
using static Sandbox.Scenarios.Steps.Checks.CheckFailedException;

namespace Sandbox.Scenarios.Steps.Bindings;

/// <summary>The release guard: every event conforms; a broken release is named with its event, property, version and count.</summary>
[Binding]
public sealed class TrackingPlanSteps(PipelineWorld world)
{
    [Then("every event follows the tracking plan")]
    [Then("the tracking-plan check passes")]
    public async Task Conforms()
    {
        var report = await ReportAsync();
        Unless(report.Groups.Count == 0, report.Describe);
        var broken = world.Source.Rejected.Concat(world.Source.Violating).ToList();
        Unless(broken.Count == 0, () =>
            $"{broken.Count} shipped lines break the tracking plan:\n" + string.Join("\n", broken.Take(20).Select(r => $"  {r}")));
    }

    [Then("every event except malformed lines follows the tracking plan")]
    public async Task ConformsBesidesMalformed()
    {
        var report = await ReportAsync();
        var other = report.Groups.Where(g => g.Type != "malformed_json").ToList();
        Unless(other.Count == 0, () => new TrackingPlanReport(other).Describe());
    }

    /// <summary>
    /// Runs the guard and checks it fails for the right reason: that event, that property, that version, every
    /// injected event. The events themselves are loaded (as Redshift loads them): the count comes from their
    /// violations recorded beside them in the warehouse.
    /// </summary>
    [Then("the tracking-plan check reports {string} without {string} from app_version {string} in every injected event")]
    public async Task ReportsMissingProperty(string eventName, string property, string version)
    {
        var report = await ReportAsync();
        var injected = world.RequireManifest().Faults?.EventsMissingProperty ?? 0;
        Unless(injected > 0, () => $"the generator dropped \"{property}\" from no \"{eventName}\" event: the scenario tests nothing");
        var expected = new ViolationGroup(eventName, "required_property_missing", $"$.properties.{property}", version, injected);
        Unless(report.Groups.Count == 1 && report.Groups[0] == expected, () =>
            $"expected the guard to report exactly \"{expected}\", it reported {report.Describe()}");
        var message = Assert.Throws(Conforms);
        Unless(message.Contains(expected.ToString(), StringComparison.Ordinal), () => $"the guard's failure does not name \"{expected}\": {message}");
    }

    [Then("every app_version sends {string}")]
    public async Task EveryVersionSends(string eventName)
    {
        var gaps = ReleaseCompleteness.Find(await world.Warehouse.CountsByVersionAndNameAsync(), eventName);
        Unless(gaps.Count == 0, () => string.Join("\n", gaps));
    }

    [Then("the release check reports app_version {string} sent no {string} for every dropped event")]
    public async Task ReportsDroppedEvent(string version, string eventName)
    {
        var dropped = world.RequireManifest().Faults?.DroppedEvents ?? 0;
        Unless(dropped > 0, () => $"the generator dropped no \"{eventName}\" event: the scenario tests nothing");
        var message = Assert.Throws(() => EveryVersionSends(eventName));
        Unless(message.Contains($"app_version {version} sent no \"{eventName}\" event", StringComparison.Ordinal), () =>
            $"expected the guard to name app_version {version} and \"{eventName}\", it said: {message}");
        var gaps = ReleaseCompleteness.Find(await world.Warehouse.CountsByVersionAndNameAsync(), eventName);
        Unless(gaps.Count == 1, () => $"expected one version without \"{eventName}\", found {gaps.Count}: {string.Join("; ", gaps)}");
        // The estimate is the other versions' rate: within a factor of two of the truth is a fair "how many".
        Unless(gaps[0].ExpectedMissing >= dropped / 2.0 && gaps[0].ExpectedMissing <= dropped * 2.0, () =>
            $"the guard estimates {gaps[0].ExpectedMissing} missing \"{eventName}\" events, the generator dropped {dropped}");
    }

    private async Task<TrackingPlanReport> ReportAsync() =>
        TrackingPlanReport.From(await world.Warehouse.BadEventsAsync(), await world.Warehouse.LoadedEventViolationsAsync());

    private static class Assert
    {
        public static string Throws(Func<Task> check)
        {
            try
            {
                check().GetAwaiter().GetResult();
            }
            catch (CheckFailedException e)
            {
                return e.Message;
            }
            throw new CheckFailedException("the guard passed, yet the release is broken: it would let this release through");
        }
    }
}
