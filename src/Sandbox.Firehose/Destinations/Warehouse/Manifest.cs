using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>A Redshift COPY manifest: the staged objects one load reads.</summary>
public sealed record Manifest([property: JsonPropertyName("entries")] IReadOnlyList<ManifestEntry> Entries)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Manifest Of(string bucket, string key, long contentLength) =>
        new([new ManifestEntry($"s3://{bucket}/{key}", true, new ManifestMeta(contentLength))]);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static Manifest Parse(ReadOnlySpan<byte> json, string source) =>
        JsonSerializer.Deserialize<Manifest>(json, Json) is { Entries: not null } manifest
            ? manifest
            : throw new FormatException($"{source}: not a COPY manifest (expected {{\"entries\":[...]}})");
}

public sealed record ManifestEntry(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("mandatory")] bool Mandatory,
    [property: JsonPropertyName("meta")] ManifestMeta? Meta);

public sealed record ManifestMeta([property: JsonPropertyName("content_length")] long ContentLength);
