using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sandbox.Scenarios.Adapter;

/// <summary>
/// An xunit 2 test case named after its scenario ("Feature: Scenario [row 2: a=1]"), serializable
/// for runners that discover and execute in separate steps; @ignore cases are reported as skipped
/// with their reason.
/// </summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    private string _scenarioName = "";
    private string? _ignoreReason;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase() { }

    public ScenarioTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions,
        ITestMethod testMethod, string featuresFolder, string scenarioId, string scenarioName, string? ignoreReason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod, [featuresFolder, scenarioId])
    {
        _scenarioName = scenarioName;
        _ignoreReason = ignoreReason;
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = _scenarioName;
        SkipReason = _ignoreReason;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(_scenarioName), _scenarioName);
        data.AddValue(nameof(_ignoreReason), _ignoreReason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _scenarioName = data.GetValue<string>(nameof(_scenarioName));
        _ignoreReason = data.GetValue<string?>(nameof(_ignoreReason));
        base.Deserialize(data);
    }
}
