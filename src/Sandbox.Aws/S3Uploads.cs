using Amazon.S3.Model;
using Amazon.S3;

namespace Sandbox.Aws;

/// <summary>
/// Whole-object puts that every S3 the sandbox targets stores byte for byte: chunk encoding off,
/// because s3rver keeps the aws-chunked framing inside the object (docs/FACTS-LOCAL.md).
/// </summary>
public static class S3Uploads
{
    public static Task<PutObjectResponse> PutBytesAsync(this IAmazonS3 s3, string bucket, string key, byte[] body,
        string? contentType = null, CancellationToken cancellationToken = default) =>
        s3.PutStreamAsync(bucket, key, new MemoryStream(body, writable: false), contentType, cancellationToken);

    public static Task<PutObjectResponse> PutStreamAsync(this IAmazonS3 s3, string bucket, string key, Stream body,
        string? contentType = null, CancellationToken cancellationToken = default)
    {
        var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false };
        if (contentType is not null)
            request.ContentType = contentType;
        return s3.PutObjectAsync(request, cancellationToken);
    }
}
