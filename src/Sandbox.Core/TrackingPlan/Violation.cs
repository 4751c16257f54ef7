namespace Sandbox.Core.TrackingPlan;

/// <summary>One way an event breaks the plan; <paramref name="Path"/> is a JSON path such as <c>$.properties.price</c>.</summary>
public sealed record Violation(ViolationType Type, string Path, string Message)
{
    public override string ToString() => $"{Type.ToWireName()} at {Path}: {Message}";
}
