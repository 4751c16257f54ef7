using System.Text.Json;

namespace Sandbox.Warehouse.Loading;

/// <summary>One staged object named by a manifest.</summary>
public sealed record ManifestEntry(S3Location Location, bool Mandatory);

/// <summary>
/// A COPY manifest in Redshift's format: <c>{"entries":[{"url":"s3://bucket/key","mandatory":true}]}</c>.
/// As in Redshift, <c>mandatory</c> defaults to false and other members (<c>meta</c>) are ignored.
/// </summary>
public sealed record LoadManifest(S3Location Location, IReadOnlyList<ManifestEntry> Entries)
{
    public static LoadManifest Parse(S3Location location, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (!document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw Invalid(location, "it has no \"entries\" array");
            return new LoadManifest(location, entries.EnumerateArray().Select((e, i) => ParseEntry(location, e, i)).ToList());
        }
        catch (JsonException e)
        {
            throw Invalid(location, $"it is not valid JSON ({e.Message})", e);
        }
    }

    private static ManifestEntry ParseEntry(S3Location manifest, JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
            throw Invalid(manifest, $"entries[{index}] has no \"url\" string");
        var mandatory = entry.TryGetProperty("mandatory", out var flag) && flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(manifest, $"entries[{index}].mandatory must be true or false"),
        };
        return new ManifestEntry(S3Location.Parse(url.GetString()!, manifest.ToString()), mandatory);
    }

    private static LoadManifestException Invalid(S3Location manifest, string problem, Exception? inner = null) =>
        new($"manifest {manifest} is not a COPY manifest: {problem}", inner);
}
