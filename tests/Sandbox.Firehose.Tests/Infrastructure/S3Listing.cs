using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Firehose.Tests.Infrastructure;

public static class S3Listing
{
    /// <summary>Every key in the bucket (no delimiter: s3rver misses common prefixes otherwise).</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(this IAmazonS3 s3, string bucket, string prefix = "")
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return keys;
    }

    public static async Task<byte[]> ReadAsync(this IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
