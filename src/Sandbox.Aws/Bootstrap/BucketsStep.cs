using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Core.Bootstrap;
using Sandbox.Core.Endpoints;

namespace Sandbox.Aws.Bootstrap;

/// <summary>The raw archive, warehouse staging and delivery error buckets.</summary>
public sealed class BucketsStep(IAmazonS3 s3, ResourceNames names) : IBootstrapStep
{
    public string Service => "s3";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var existing = (await s3.ListBucketsAsync(cancellationToken)).Buckets?.Select(b => b.BucketName).ToHashSet() ?? [];
        foreach (var bucket in names.Buckets)
        {
            if (existing.Contains(bucket))
            {
                yield return new(Service, bucket, ResourceState.Existed);
                continue;
            }
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
            yield return new(Service, bucket, ResourceState.Created);
        }
    }
}
