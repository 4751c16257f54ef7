namespace Sandbox.Core.TrackingPlan;

public sealed record EventDefinition(
    string Name,
    string Category,
    string Description,
    IReadOnlyList<PropertyDefinition> Properties)
{
    public PropertyDefinition? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
