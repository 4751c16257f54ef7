namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>How a step is dispatched to Reqnroll: Given/When/Then, or And/But continuing the previous one.</summary>
public enum StepKeywordKind { Given, When, Then, And, But }

/// <summary>One executable step of a scenario, outline placeholders already substituted.</summary>
public sealed record ScenarioStep(
    string PickleStepId,
    string Keyword,
    StepKeywordKind Kind,
    string Text,
    int Line,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? Table)
{
    /// <summary>The step as it reads in the feature file, e.g. "Given a user 'ann'".</summary>
    public string Display => $"{Keyword.Trim()} {Text}";
}
