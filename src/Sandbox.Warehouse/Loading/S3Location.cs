namespace Sandbox.Warehouse.Loading;

/// <summary>An <c>s3://bucket/key</c> address as written in Redshift manifests.</summary>
public sealed record S3Location(string Bucket, string Key)
{
    public override string ToString() => $"s3://{Bucket}/{Key}";
}
