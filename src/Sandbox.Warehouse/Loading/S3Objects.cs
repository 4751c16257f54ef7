using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Warehouse.Loading;

/// <summary>Reads manifests and staged objects, telling "not there" apart from other S3 failures.</summary>
internal sealed class S3Objects(IAmazonS3 s3)
{
    /// <returns>The object's body, or null when the bucket or key does not exist.</returns>
    public async Task<GetObjectResponse?> TryGetAsync(S3Location location, CancellationToken ct)
    {
        try
        {
            return await s3.GetObjectAsync(location.Bucket, location.Key, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NoSuchBucket")
        {
            return null;
        }
    }

    public async Task<LoadManifest> ReadManifestAsync(S3Location location, CancellationToken ct)
    {
        using var response = await TryGetAsync(location, ct)
            ?? throw new LoadManifestException($"manifest {location} does not exist");
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body, ct);
        return LoadManifest.Parse(location, body.GetBuffer().AsSpan(0, (int)body.Length));
    }
}
