namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>A .feature file that the Gherkin parser rejects; the message names the file and line.</summary>
public sealed class FeatureParseException(string message, Exception inner) : Exception(message, inner);
