namespace Sandbox.Scenarios.Steps;

/// <summary>What a run passes to the steps from outside the features: `sandbox verify --events`, or the environment for `dotnet test`.</summary>
public static class ScenarioInputs
{
    public const string EventsVariable = "SANDBOX_VERIFY_EVENTS";

    private static string? _capturedEvents;

    /// <summary>The app's captured event log (JSON lines, optionally gzip) that "Given the app's captured event log" ships.</summary>
    public static string? CapturedEvents
    {
        get => _capturedEvents ?? (Environment.GetEnvironmentVariable(EventsVariable) is { Length: > 0 } path ? path : null);
        set => _capturedEvents = value;
    }
}
