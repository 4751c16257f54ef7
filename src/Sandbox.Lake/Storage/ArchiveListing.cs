using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Lake.Storage;

/// <summary>Lists a bucket prefix WITHOUT a delimiter: s3rver's delimiter listings miss prefixes that hold no direct objects (docs/FACTS-LOCAL.md).</summary>
public static class ArchiveListing
{
    public static async Task<IReadOnlyList<S3Object>> ListAsync(IAmazonS3 s3, string bucket, string prefix, CancellationToken cancellationToken)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            try
            {
                response = await s3.ListObjectsV2Async(request, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
                throw new LakeException($"bucket '{bucket}' does not exist (is the archive delivery stream running?)", e);
            }
            objects.AddRange(response.S3Objects ?? []);
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return objects;
    }
}
