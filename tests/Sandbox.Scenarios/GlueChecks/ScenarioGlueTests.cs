using Sandbox.Scenarios.Adapter;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sandbox.Scenarios.GlueChecks;

[Collection(ScenarioCollection.Name)]
public sealed class ScenarioGlueTests(ScenarioSessionFixture session)
{
    private static readonly ITestMethod Target = TargetMethod();

    private static ITestMethod TargetMethod()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(GlueCheckTarget).Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "glue checks"), Reflector.Wrap(typeof(GlueCheckTarget)));
        return new TestMethod(testClass, Reflector.Wrap(typeof(GlueCheckTarget).GetMethod(nameof(GlueCheckTarget.Scenario))!));
    }

    private static List<IXunitTestCase> Discover(ITestMethod method) =>
        new ScenarioDiscoverer(new NullMessageSink())
            .Discover(new DefaultDiscoveryOptions(), method, method.Method.GetCustomAttributes(typeof(ScenariosAttribute)).Single())
            .ToList();

    private IXunitTestCase Case(string name) => Discover(Target).Single(c => c.DisplayName == name);

    [Fact]
    public void Discovery_yields_one_readably_named_case_per_scenario_and_examples_row()
    {
        Assert.Equal(
        [
            "Glue check failures: A failing scenario",
            "Glue check: A passing scenario",
            "Glue check: An outline [row 1: n=1]",
            "Glue check: An outline [row 2: n=2]",
            "Glue check: An ignored scenario",
        ], Discover(Target).Select(c => c.DisplayName));
    }

    [Fact]
    public void Ignored_scenarios_are_skipped_with_their_reason()
    {
        Assert.Equal("not ready yet (@ignore at passing/glue.feature:20)", Case("Glue check: An ignored scenario").SkipReason);
        Assert.Null(Case("Glue check: A passing scenario").SkipReason);
    }

    [Fact]
    public void Cases_survive_serialization_with_name_skip_reason_and_identity()
    {
        var original = Case("Glue check: An ignored scenario");

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(original));

        Assert.Equal(original.DisplayName, copy.DisplayName);
        Assert.Equal(original.SkipReason, copy.SkipReason);
        Assert.Equal(original.UniqueID, copy.UniqueID);
        Assert.Equal(original.TestMethodArguments, copy.TestMethodArguments);
    }

    [Fact]
    public async Task A_passing_scenario_passes()
    {
        var output = new RecordingOutput();
        var (summary, messages) = await RunAsync(Case("Glue check: An outline [row 2: n=2]"), output);

        Assert.Equal((1, 0, 0), (summary.Total, summary.Failed, summary.Skipped));
        Assert.Single(messages.OfType<ITestPassed>());
        Assert.Equal(["Passed    Given the glue check value is 2  (passing/glue.feature:11)",
            "Passed    Then the glue check value is 2  (passing/glue.feature:12)"], output.Lines.Take(2));
        Assert.Contains("done: GlueCheckSteps.SetValue(2)", output.Lines[2]);
    }

    [Fact]
    public async Task A_failing_scenario_fails_with_the_step_text_and_file_line()
    {
        var (summary, messages) = await RunAsync(Case("Glue check failures: A failing scenario"));

        Assert.Equal(1, summary.Failed);
        var failed = messages.OfType<ITestFailed>().Single();
        var failure = string.Join("\n", failed.Messages) + string.Join("\n", failed.StackTraces);
        Assert.True(failure.Contains("Then the glue check value is 2\n  at failing/failing.feature:7"), failure);
        Assert.Contains("Expected: 2", failure);
    }

    [Fact]
    public async Task An_ignored_scenario_is_reported_skipped_not_passed()
    {
        var (summary, messages) = await RunAsync(Case("Glue check: An ignored scenario"));

        Assert.Equal((1, 0, 1), (summary.Total, summary.Failed, summary.Skipped));
        Assert.Equal("not ready yet (@ignore at passing/glue.feature:20)", messages.OfType<ITestSkipped>().Single().Reason);
    }

    [Fact]
    public void A_malformed_folder_becomes_one_failing_case_naming_the_problem()
    {
        var method = new TestMethod(Target.TestClass, Reflector.Wrap(typeof(BrokenTarget).GetMethod(nameof(BrokenTarget.Scenario))!));

        var single = Assert.Single(Discover(method));

        Assert.IsType<ExecutionErrorTestCase>(single);
        Assert.Contains("no-such-folder", ((ExecutionErrorTestCase)single).ErrorMessage);
    }

    private async Task<(Xunit.Sdk.RunSummary, List<IMessageSinkMessage>)> RunAsync(IXunitTestCase testCase, RecordingOutput? output = null)
    {
        var bus = new RecordingBus();
        var summary = await testCase.RunAsync(new NullMessageSink(), bus, [session, output ?? new RecordingOutput()],
            new ExceptionAggregator(), new CancellationTokenSource());
        return (summary, bus.Messages);
    }

    /// <summary>Stands in for xunit's output helper, which only its own class runner initializes.</summary>
    private sealed class RecordingOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];
        public void WriteLine(string message) => Lines.Add(message);
        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(format, args));
    }

    private sealed class RecordingBus : IMessageBus
    {
        public List<IMessageSinkMessage> Messages { get; } = [];
        public bool QueueMessage(IMessageSinkMessage message)
        {
            Messages.Add(message);
            return true;
        }
        public void Dispose() { }
    }

#pragma warning disable xUnit1000 // only discovered explicitly, never run
    private sealed class BrokenTarget
    {
        [Scenarios("no-such-folder")]
        public Task Scenario(string featuresFolder, string scenarioId) => Task.CompletedTask;
    }
#pragma warning restore xUnit1000

    /// <summary>Default discovery options (xunit.runner.utility's factory is not referenced here).</summary>
    private sealed class DefaultDiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;
        public void SetValue<TValue>(string name, TValue value) { }
    }
}
