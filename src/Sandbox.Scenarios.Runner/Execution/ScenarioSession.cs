using System.Collections.Specialized;
using System.Diagnostics;
using System.Reflection;
using Reqnroll;
using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>
/// Drives the Reqnroll runtime the way generated test classes do, one case at a time:
/// test run start, feature start (FeatureInfo compared by reference), scenario, and on dispose
/// feature release and test run end. Reqnroll keeps one static runner manager per binding
/// assembly, so only one live session per binding assembly is allowed.
/// </summary>
public sealed class ScenarioSession : IAsyncDisposable
{
    private static readonly HashSet<Assembly> LiveAssemblies = [];

    private readonly Assembly _bindingAssembly;
    private readonly RunnerContainerBuilder _containerBuilder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<FeatureInfo> _startedFeatures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FeatureInfo, Exception> _featureStartErrors = new(ReferenceEqualityComparer.Instance);
    private readonly List<Exception> _teardownErrors = [];
    private Exception? _testRunStartError;
    private bool _testRunStarted;
    private bool _disposed;

    /// <param name="bindingAssemblies">The first holds the bindings Reqnroll is started for; the others add step definitions.</param>
    public ScenarioSession(IReadOnlyList<Assembly> bindingAssemblies)
    {
        if (bindingAssemblies.Count == 0)
            throw new ArgumentException("At least one binding assembly is needed.", nameof(bindingAssemblies));
        _bindingAssembly = bindingAssemblies[0];
        lock (LiveAssemblies)
        {
            if (!LiveAssemblies.Add(_bindingAssembly))
                throw new InvalidOperationException($"A scenario session for {_bindingAssembly.GetName().Name} is already running; dispose it first.");
        }
        _containerBuilder = new RunnerContainerBuilder(bindingAssemblies.Skip(1).ToList());
    }

    /// <summary>AfterFeature and AfterTestRun hook failures; complete once the session is disposed.</summary>
    public IReadOnlyList<Exception> TeardownErrors => _teardownErrors;

    public async Task<ScenarioResult> RunAsync(ScenarioCase scenarioCase)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var trace = new ScenarioTrace(scenarioCase, DateTimeOffset.UtcNow);
            try
            {
                await RunTracedAsync(scenarioCase, trace);
            }
            catch (Exception e)
            {
                // Anything the runtime throws outside steps and hooks still ends as this case's failure.
                trace.Outside ??= ("Reqnroll runtime", e);
            }
            return trace.ToResult(clock.Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunTracedAsync(ScenarioCase scenarioCase, ScenarioTrace trace)
    {
        var featureInfo = scenarioCase.Feature.FeatureInfo;
        if (await StartTestRunAsync() is { } runError)
        {
            trace.Outside = ("BeforeTestRun hook", runError);
            return;
        }
        if (_featureStartErrors.TryGetValue(featureInfo, out var featureError))
        {
            trace.Outside = ("BeforeFeature hook", featureError);
            return;
        }

        var runner = TestRunnerManager.GetTestRunnerForAssembly(_bindingAssembly, _containerBuilder, featureInfo);
        try
        {
            if (!await EnsureFeatureStartedAsync(runner, featureInfo, trace))
                return;
            var recorder = runner.TestThreadContext.TestThreadContainer.Resolve<StepRecorder>();
            recorder.Reset();
            await RunScenarioAsync(runner, scenarioCase, trace);
            trace.Recorded = recorder.Steps.ToList();
            trace.Output = recorder.Output.ToList();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private async Task<Exception?> StartTestRunAsync()
    {
        if (!_testRunStarted)
        {
            _testRunStarted = true;
            try
            {
                await TestRunnerManager.OnTestRunStartAsync(_bindingAssembly, _containerBuilder);
            }
            catch (Exception e)
            {
                _testRunStartError = e;
            }
        }
        return _testRunStartError;
    }

    private async Task<bool> EnsureFeatureStartedAsync(ITestRunner runner, FeatureInfo featureInfo, ScenarioTrace trace)
    {
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, featureInfo))
            await CollectTeardownErrorAsync(runner.OnFeatureEndAsync);
        if (runner.FeatureContext is not null)
            return true;
        _startedFeatures.Add(featureInfo);
        try
        {
            await runner.OnFeatureStartAsync(featureInfo);
            return true;
        }
        catch (Exception e)
        {
            _featureStartErrors[featureInfo] = e;
            trace.Outside = ("BeforeFeature hook", e);
            return false;
        }
    }

    private static async Task RunScenarioAsync(ITestRunner runner, ScenarioCase scenarioCase, ScenarioTrace trace)
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in scenarioCase.Arguments)
            arguments[name] = value;
        var pickleIndex = scenarioCase.Feature.Cases.ToList().IndexOf(scenarioCase).ToString();
        runner.OnScenarioInitialize(
            new ScenarioInfo(scenarioCase.Title, scenarioCase.Description, scenarioCase.Tags.ToArray(), arguments,
                scenarioCase.InheritedTags.ToArray(), pickleIndex),
            scenarioCase.Rule);

        if (scenarioCase.IgnoreReason is not null)
            await runner.SkipScenarioAsync();
        else
            await RunStepsAsync(runner, scenarioCase, trace);

        if (trace.Aborted is null)
        {
            try { await runner.CollectScenarioErrorsAsync(); }
            catch (Exception e) { trace.Collected = e; }
        }
        try { await runner.OnScenarioEndAsync(); }
        catch (Exception e) { trace.Outside = ("AfterScenario hook", e); }
    }

    private static async Task RunStepsAsync(ITestRunner runner, ScenarioCase scenarioCase, ScenarioTrace trace)
    {
        await runner.OnScenarioStartAsync();
        for (var i = 0; i < scenarioCase.Steps.Count; i++)
        {
            try
            {
                await StepDispatcher.RunAsync(runner, scenarioCase.Steps[i]);
            }
            catch (Exception e)
            {
                trace.Aborted = (i, e);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            foreach (var feature in _startedFeatures)
                await CollectTeardownErrorAsync(() => TestRunnerManager.ReleaseFeatureAsync(feature, _bindingAssembly, _containerBuilder));
            if (_testRunStarted)
                await CollectTeardownErrorAsync(() => TestRunnerManager.OnTestRunEndAsync(_bindingAssembly, _containerBuilder));
        }
        finally
        {
            lock (LiveAssemblies)
                LiveAssemblies.Remove(_bindingAssembly);
            _gate.Dispose();
        }
    }

    private async Task CollectTeardownErrorAsync(Func<Task> teardown)
    {
        try { await teardown(); }
        catch (Exception e) { _teardownErrors.Add(e); }
    }
}
