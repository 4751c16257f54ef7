namespace Sandbox.Core.TrackingPlan;

/// <summary>One planned field: an envelope field or a property of an event.</summary>
public sealed record PropertyDefinition(
    string Name,
    PropertyType Type,
    bool Required,
    string Description,
    IReadOnlyList<string>? AllowedValues = null);
