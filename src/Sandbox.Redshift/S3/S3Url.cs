namespace Sandbox.Redshift.S3;

/// <summary>An s3://bucket/key (or key prefix) as COPY and UNLOAD name them.</summary>
public sealed record S3Url(string Bucket, string Key)
{
    public static bool TryParse(string text, out S3Url? url)
    {
        url = null;
        if (!text.StartsWith("s3://", StringComparison.Ordinal)) return false;
        var rest = text[5..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) return false;
        url = new S3Url(bucket, slash < 0 ? "" : rest[(slash + 1)..]);
        return true;
    }

    public S3Url WithKey(string key) => this with { Key = key };

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
