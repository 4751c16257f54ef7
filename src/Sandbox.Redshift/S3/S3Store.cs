using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;

namespace Sandbox.Redshift.S3;

/// <summary>
/// The stack's S3 as COPY and UNLOAD see it. The client is made on first use from the endpoints
/// contract (SANDBOX_S3_URL in the environment or .sandbox/endpoints.env), so the front starts before
/// bootstrap has written that file.
/// </summary>
public sealed class S3Store(Func<IAmazonS3> connect)
{
    private readonly Lazy<IAmazonS3> _s3 = new(connect);

    public static S3Store FromContract() => new(() => AwsClients.S3(EndpointsLoader.Load()));

    /// <returns>The object's body, or null when it does not exist.</returns>
    public async Task<Stream?> TryOpenAsync(S3Url url, CancellationToken ct)
    {
        try
        {
            var response = await _s3.Value.GetObjectAsync(url.Bucket, url.Key, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <returns>The object's size now, or null when it does not exist.</returns>
    public async Task<long?> TrySizeAsync(S3Url url, CancellationToken ct)
    {
        try
        {
            return (await _s3.Value.GetObjectMetadataAsync(url.Bucket, url.Key, ct)).ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string?> TryReadTextAsync(S3Url url, CancellationToken ct)
    {
        await using var stream = await TryOpenAsync(url, ct);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>Keys under a prefix, in key order (as Redshift loads a prefix), with their sizes.</summary>
    public async Task<List<(string Key, long Size)>> ListAsync(S3Url prefix, CancellationToken ct)
    {
        var keys = new List<(string, long)>();
        var request = new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Key };
        try
        {
            ListObjectsV2Response response;
            do
            {
                response = await _s3.Value.ListObjectsV2Async(request, ct);
                foreach (var item in response.S3Objects ?? []) keys.Add((item.Key, item.Size ?? 0));
                request.ContinuationToken = response.NextContinuationToken;
            } while (response.IsTruncated == true);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // no such bucket: nothing under the prefix
        }
        keys.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return keys;
    }

    public async Task PutFileAsync(S3Url url, string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        await _s3.Value.PutStreamAsync(url.Bucket, url.Key, file, cancellationToken: ct);
    }

    public async Task PutTextAsync(S3Url url, string body, CancellationToken ct)
    {
        await _s3.Value.PutBytesAsync(url.Bucket, url.Key, System.Text.Encoding.UTF8.GetBytes(body), "application/json", ct);
    }
}
