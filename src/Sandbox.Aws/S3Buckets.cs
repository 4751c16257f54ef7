using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Aws;

public static class S3Buckets
{
    /// <summary>Deletes every object (a page, up to 1,000, per request: a big run's archive is thousands), then the bucket.</summary>
    public static async Task EmptyAndDeleteAsync(this IAmazonS3 s3, string bucket, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, cancellationToken);
            if (page.S3Objects is not { Count: > 0 } objects) break;
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList() },
                cancellationToken);
        }
        await s3.DeleteBucketAsync(bucket, cancellationToken);
    }
}
