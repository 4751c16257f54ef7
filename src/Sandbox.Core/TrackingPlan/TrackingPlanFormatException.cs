namespace Sandbox.Core.TrackingPlan;

/// <summary>The tracking plan file itself is not well formed.</summary>
public sealed class TrackingPlanFormatException(string source, string problem)
    : Exception($"Tracking plan '{source}' is invalid: {problem}");
