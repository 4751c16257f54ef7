using Sandbox.Aws.Manifests;

namespace Sandbox.Warehouse.Loading;

/// <summary>One staged object named by a manifest, with its size when the manifest gives one (<c>meta.content_length</c>).</summary>
public sealed record ManifestEntry(S3Location Location, bool Mandatory, long? ContentLength = null);

/// <summary>A COPY manifest (<see cref="CopyManifest"/>, Redshift's format) read from <see cref="Location"/>.</summary>
public sealed record LoadManifest(S3Location Location, IReadOnlyList<ManifestEntry> Entries)
{
    public static LoadManifest Parse(S3Location location, ReadOnlySpan<byte> json)
    {
        try
        {
            return new LoadManifest(location, CopyManifest.Parse(json).Entries
                .Select(e => new ManifestEntry(new S3Location(e.Bucket, e.Key), e.Mandatory, e.ContentLength)).ToList());
        }
        catch (FormatException e)
        {
            throw new LoadManifestException($"manifest {location} is not a COPY manifest: {e.Message}", e);
        }
    }
}
