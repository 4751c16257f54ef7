using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Core.TrackingPlan;

/// <summary>
/// Exports the plan as one JSON Schema (draft 2020-12) per event, for tools that speak JSON Schema.
/// The in-process validator (<see cref="EventValidator"/>) stays the fast path; both come from the same plan.
/// </summary>
public static class TrackingPlanJsonSchema
{
    public const string SchemasRelativeDirectory = "tracking-plan/schemas";
    private const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$";

    public static string FileName(string eventName) => $"{eventName}.schema.json";

    public static string Render(TrackingPlan plan, EventDefinition e) =>
        ForEvent(plan, e).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public static JsonObject ForEvent(TrackingPlan plan, EventDefinition e)
    {
        var envelope = new JsonObject();
        foreach (var field in plan.Envelope)
        {
            envelope[field.Name] = field.Name switch
            {
                "event_name" => new JsonObject { ["const"] = e.Name },
                "properties" => Properties(e),
                _ => Field(field),
            };
        }
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://sandbox.local/tracking-plan/{plan.Version}/{e.Name}",
            ["title"] = e.Name,
            ["description"] = e.Description,
            ["type"] = "object",
            ["required"] = Names(plan.Envelope.Where(f => f.Required)),
            ["properties"] = envelope,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Properties(EventDefinition e)
    {
        var properties = new JsonObject();
        foreach (var p in e.Properties) properties[p.Name] = Field(p);
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Names(e.Properties.Where(p => p.Required)),
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Field(PropertyDefinition p)
    {
        JsonNode type = p.Type switch
        {
            PropertyType.Timestamp => "string",
            _ when !p.Required => new JsonArray(p.Type.ToPlanName(), "null"),
            _ => p.Type.ToPlanName(),
        };
        var schema = new JsonObject { ["type"] = type, ["description"] = p.Description };
        if (p.Type == PropertyType.Timestamp) schema["pattern"] = TimestampPattern;
        if (p.AllowedValues is { } allowed)
            schema["enum"] = new JsonArray([.. allowed.Select(v => (JsonNode?)v), .. p.Required ? Array.Empty<JsonNode?>() : [null]]);
        return schema;
    }

    private static JsonArray Names(IEnumerable<PropertyDefinition> fields) => new([.. fields.Select(f => (JsonNode)f.Name)]);
}
