using System.Text.Json;
using Amazon.S3.Model;
using Amazon.S3;
using Sandbox.Aws;

namespace Sandbox.ClickLog.Failures;

/// <summary>
/// On-failure destination in S3, keyed as AWS does:
/// &lt;prefix&gt;aws/lambda/&lt;mapping uuid&gt;/&lt;shard&gt;/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-&lt;uuid&gt;.
/// </summary>
public sealed class S3FailureDestination(IAmazonS3 s3, string bucket, string prefix, string mappingUuid) : IFailureDestination
{
    public string Describe() => $"s3://{bucket}/{prefix}";

    public async Task SendAsync(FailedBatch batch, CancellationToken cancellationToken)
    {
        var at = batch.Timestamp.UtcDateTime;
        var key = $"{prefix}aws/lambda/{mappingUuid}/{batch.KinesisBatchInfo.ShardId}/{at:yyyy'/'MM'/'dd}/{at:yyyy-MM-dd'T'HH.mm.ss}-{Guid.NewGuid()}";
        await s3.PutBytesAsync(bucket, key, JsonSerializer.SerializeToUtf8Bytes(batch), "application/json", cancellationToken);
    }

    /// <summary>Reads every descriptor under the prefix back (tests, replay tools).</summary>
    public async Task<IReadOnlyList<FailedBatch>> ListAsync(CancellationToken cancellationToken)
    {
        var batches = new List<FailedBatch>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                using var response = await s3.GetObjectAsync(bucket, item.Key, cancellationToken);
                batches.Add(await JsonSerializer.DeserializeAsync<FailedBatch>(response.ResponseStream, cancellationToken: cancellationToken)
                    ?? throw new InvalidDataException($"s3://{bucket}/{item.Key} holds no failed batch"));
            }
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return batches;
    }
}
