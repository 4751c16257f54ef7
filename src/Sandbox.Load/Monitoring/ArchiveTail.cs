using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Load.Integrity;
using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// Reads each new object of the run's archive bucket once as it appears (delivered objects never
/// change), with `sandbox verify`'s <see cref="ArchiveFacts"/> reader: the hashes of the ids spilled
/// for the integrity check (<paramref name="ids"/>), and the sampled ids' S3 latency. Spreads the archive's read over the run.
/// An object that does not read whole yet (s3rver lists a PUT while it writes) is read again on the
/// next pass, never taken short.
/// </summary>
public sealed class ArchiveTail(IAmazonS3 s3, string bucket, DeliveryLatency latency, HashSpill ids)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _one = new(1, 1);

    public long Records { get; private set; }
    public int Objects => _read.Count;

    /// <summary>Reads the objects not read yet; one reader at a time (the background loop and the final read).</summary>
    public async Task ReadNewAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await ReadNewOnceAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task ReadNewOnceAsync(CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = token }, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                if (ArchiveFacts.IsProcessingFailed(item.Key) || _read.Contains(item.Key)) continue;
                var eventIds = await ArchiveFacts.EventIdsOfWholeObjectAsync(s3, bucket, item.Key, item.Size, cancellationToken);
                if (eventIds is null) continue;
                foreach (var id in eventIds) ids.Add(EventIdHash.Of(id));
                Records += eventIds.Count;
                latency.ArchivedAt(eventIds, item.LastModified?.ToUniversalTime() ?? DateTime.UtcNow);
                _read.Add(item.Key);
            }
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
    }
}
