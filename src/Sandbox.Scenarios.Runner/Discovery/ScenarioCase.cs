using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>One runnable case: a Scenario, or one Examples row of a Scenario Outline.</summary>
public sealed class ScenarioCase
{
    internal ScenarioCase(FeatureDocument feature, Pickle pickle, string title, string displayName, int line,
        IReadOnlyList<string> tags, IReadOnlyList<string> inheritedTags, IReadOnlyList<KeyValuePair<string, string>> arguments,
        IReadOnlyList<ScenarioStep> steps, string? ignoreReason, string description, RuleInfo? rule)
    {
        Description = description;
        Rule = rule;
        Feature = feature;
        Pickle = pickle;
        Title = title;
        DisplayName = displayName;
        Line = line;
        Tags = tags;
        InheritedTags = inheritedTags;
        Arguments = arguments;
        Steps = steps;
        IgnoreReason = ignoreReason;
    }

    public FeatureDocument Feature { get; }
    internal Pickle Pickle { get; }
    internal string Description { get; }
    internal RuleInfo? Rule { get; }

    /// <summary>Stable key (feature path and line of the scenario or Examples row), unique within a catalog.</summary>
    public string Id => $"{Feature.RelativePath}:{Line}";

    /// <summary>Scenario title with outline placeholders substituted.</summary>
    public string Title { get; }

    /// <summary>"Feature: Scenario" or "Feature: Outline [row 2: a=1, b=2]".</summary>
    public string DisplayName { get; }

    /// <summary>Line of the Scenario keyword, or of the Examples row for outline cases.</summary>
    public int Line { get; }

    /// <summary>Tags of the scenario and its Examples block, without '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Tags of the feature and rule, without '@'.</summary>
    public IReadOnlyList<string> InheritedTags { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; }

    /// <summary>Background steps first, then the scenario's own.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>Why the case is skipped, when it is tagged @ignore; null otherwise.</summary>
    public string? IgnoreReason { get; }

    public string Location => $"{Feature.RelativePath}:{Line}";

    public override string ToString() => DisplayName;
}
