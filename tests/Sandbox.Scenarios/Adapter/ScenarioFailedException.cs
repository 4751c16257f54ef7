namespace Sandbox.Scenarios.Adapter;

/// <summary>The scenario's message (failing step, file:line, error) with the binding's exception inside.</summary>
public sealed class ScenarioFailedException(string message, Exception? inner) : Exception(message, inner);
