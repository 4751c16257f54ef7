using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sandbox.Core.TrackingPlan;

/// <summary>Reads and checks the tracking plan (the embedded repo copy, or any file in the same format).</summary>
public static partial class TrackingPlanLoader
{
    public const string ResourceName = "Sandbox.TrackingPlan.json";

    /// <summary>Envelope fields the rest of the pipeline relies on; a plan without them is rejected.</summary>
    public static readonly IReadOnlyList<string> CoreEnvelopeFields =
    [
        "event_id", "event_name", "anonymous_id", "session_id", "event_time", "received_at",
        "platform", "app_version", "properties",
    ];

    private static readonly Lazy<TrackingPlan> Embedded = new(LoadEmbeddedCore);

    /// <summary>The plan committed at tracking-plan/tracking-plan.json (compiled into Sandbox.Core).</summary>
    public static TrackingPlan LoadEmbedded() => Embedded.Value;

    public static TrackingPlan LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static TrackingPlan Load(Stream json, string sourceName)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new TrackingPlanFormatException(sourceName, $"not valid JSON ({e.Message})"); }

        using (document)
        {
            var root = document.RootElement;
            var version = RequiredString(root, "version", sourceName);
            var envelope = ReadProperties(Array(root, "envelope", sourceName), "envelope", sourceName);
            var events = Array(root, "events", sourceName).EnumerateArray().Select(e => ReadEvent(e, sourceName)).ToList();
            Check(version, envelope, events, sourceName);
            return new TrackingPlan(RequiredString(root, "name", sourceName), version,
                OptionalString(root, "description") ?? "", envelope, events);
        }
    }

    private static TrackingPlan LoadEmbeddedCore()
    {
        using var stream = typeof(TrackingPlanLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} missing from Sandbox.Core");
        return Load(stream, "tracking-plan/tracking-plan.json");
    }

    private static EventDefinition ReadEvent(JsonElement element, string source)
    {
        var name = RequiredString(element, "name", source);
        return new EventDefinition(
            name,
            OptionalString(element, "category") ?? "other",
            OptionalString(element, "description") ?? "",
            ReadProperties(Array(element, "properties", source), $"event {name}", source));
    }

    private static List<PropertyDefinition> ReadProperties(JsonElement array, string owner, string source) =>
        array.EnumerateArray().Select(p =>
        {
            var name = RequiredString(p, "name", source);
            var typeName = OptionalString(p, "type");
            if (!PropertyTypeNames.TryParse(typeName, out var type))
                throw new TrackingPlanFormatException(source, $"{owner}.{name}: unknown type '{typeName}'");
            var required = p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            List<string>? allowed = p.TryGetProperty("enum", out var e)
                ? e.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
                : null;
            return new PropertyDefinition(name, type, required, OptionalString(p, "description") ?? "", allowed);
        }).ToList();

    private static void Check(string version, List<PropertyDefinition> envelope, List<EventDefinition> events, string source)
    {
        void Fail(string problem) => throw new TrackingPlanFormatException(source, problem);

        if (!SemVer().IsMatch(version)) Fail($"version '{version}' is not MAJOR.MINOR.PATCH");
        foreach (var field in CoreEnvelopeFields.Where(f => envelope.All(e => e.Name != f)))
            Fail($"envelope lacks the field '{field}'");
        CheckNames(envelope.Select(p => p.Name), "envelope field", Fail);
        CheckNames(events.Select(e => e.Name), "event", Fail);
        foreach (var e in events)
        {
            CheckNames(e.Properties.Select(p => p.Name), $"property of {e.Name}", Fail);
            if (e.Properties.FirstOrDefault(p => p.Type == PropertyType.Object) is { } nested)
                Fail($"{e.Name}.{nested.Name}: nested objects are not supported in event properties");
        }
    }

    private static void CheckNames(IEnumerable<string> names, string kind, Action<string> fail)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!SnakeCase().IsMatch(name)) fail($"{kind} '{name}' is not snake_case");
            if (!seen.Add(name)) fail($"{kind} '{name}' is defined twice");
        }
    }

    private static JsonElement Array(JsonElement parent, string name, string source) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new TrackingPlanFormatException(source, $"'{name}' must be an array");

    private static string RequiredString(JsonElement parent, string name, string source) =>
        OptionalString(parent, name) is { Length: > 0 } value
            ? value
            : throw new TrackingPlanFormatException(source, $"'{name}' must be a non-empty string");

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
