using System.Text.Json;

namespace Sandbox.Aws.Manifests;

/// <summary>One object a COPY manifest names: <c>s3://bucket/key</c>, whether it must exist, its size if the writer said.</summary>
public sealed record CopyManifestEntry(string Bucket, string Key, bool Mandatory, long? ContentLength = null)
{
    public string Url => $"s3://{Bucket}/{Key}";
}

/// <summary>
/// Redshift's COPY manifest, <c>{"entries":[{"url":"s3://bucket/key","mandatory":true,"meta":{"content_length":n}}]}</c>:
/// the one model the writer (Firehose's Redshift destination) and the readers (the endpoint's
/// <c>COPY ... MANIFEST</c>, the warehouse's loader) share. As in Redshift, <c>mandatory</c> defaults to
/// false and other members are ignored.
/// </summary>
public sealed record CopyManifest(IReadOnlyList<CopyManifestEntry> Entries)
{
    private const string Scheme = "s3://";

    public static CopyManifest Of(string bucket, string key, long contentLength) => new([new CopyManifestEntry(bucket, key, true, contentLength)]);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");
            foreach (var entry in Entries)
            {
                json.WriteStartObject();
                json.WriteString("url", entry.Url);
                json.WriteBoolean("mandatory", entry.Mandatory);
                if (entry.ContentLength is { } length)
                {
                    json.WriteStartObject("meta");
                    json.WriteNumber("content_length", length);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="FormatException">Not a COPY manifest; the message says what is wrong.</exception>
    public static CopyManifest Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw new FormatException("it has no \"entries\" array");
            return new CopyManifest(entries.EnumerateArray().Select(ParseEntry).ToList());
        }
        catch (JsonException e)
        {
            throw new FormatException($"it is not valid JSON ({e.Message})", e);
        }
    }

    private static CopyManifestEntry ParseEntry(JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
            throw new FormatException($"entries[{index}] has no \"url\" string");
        var text = url.GetString()!;
        var slash = text.StartsWith(Scheme, StringComparison.Ordinal) ? text.IndexOf('/', Scheme.Length) : -1;
        if (slash <= Scheme.Length || slash == text.Length - 1)
            throw new FormatException($"entries[{index}].url '{text}' is not of the form s3://bucket/key");
        var mandatory = entry.TryGetProperty("mandatory", out var flag) && flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"entries[{index}].mandatory must be true or false"),
        };
        long? length = entry.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("content_length", out var size) && size.TryGetInt64(out var n) ? n : null;
        return new CopyManifestEntry(text[Scheme.Length..slash], text[(slash + 1)..], mandatory, length);
    }
}
