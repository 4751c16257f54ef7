namespace Sandbox.Core.TrackingPlan;

/// <summary>JSON value types a planned property may take.</summary>
public enum PropertyType
{
    String,
    Integer,
    Number,
    Boolean,
    /// <summary>A string holding an ISO-8601 UTC instant such as <c>2026-11-30T12:34:56.789Z</c>.</summary>
    Timestamp,
    Object,
}

public static class PropertyTypeNames
{
    public static string ToPlanName(this PropertyType type) => type switch
    {
        PropertyType.String => "string",
        PropertyType.Integer => "integer",
        PropertyType.Number => "number",
        PropertyType.Boolean => "boolean",
        PropertyType.Timestamp => "timestamp",
        PropertyType.Object => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown property type"),
    };

    public static bool TryParse(string? name, out PropertyType type)
    {
        foreach (var candidate in Enum.GetValues<PropertyType>())
        {
            if (candidate.ToPlanName() == name) { type = candidate; return true; }
        }
        type = default;
        return false;
    }
}
