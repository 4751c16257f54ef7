namespace Sandbox.Warehouse.Loading;

/// <summary>An <c>s3://bucket/key</c> address as written in Redshift manifests.</summary>
public sealed record S3Location(string Bucket, string Key)
{
    private const string Scheme = "s3://";

    public static S3Location Parse(string url, string manifestUrl)
    {
        var slash = url.StartsWith(Scheme, StringComparison.Ordinal) ? url.IndexOf('/', Scheme.Length) : -1;
        if (slash <= Scheme.Length || slash == url.Length - 1)
            throw new LoadManifestException($"manifest {manifestUrl}: entry url '{url}' is not of the form s3://bucket/key");
        return new S3Location(url[Scheme.Length..slash], url[(slash + 1)..]);
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
