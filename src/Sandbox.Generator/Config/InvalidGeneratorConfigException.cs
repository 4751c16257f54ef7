namespace Sandbox.Generator.Config;

/// <summary>The generator config breaks one or more rules; raised before any output is written.</summary>
public sealed class InvalidGeneratorConfigException(IReadOnlyList<string> problems)
    : Exception("Invalid generator config:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
