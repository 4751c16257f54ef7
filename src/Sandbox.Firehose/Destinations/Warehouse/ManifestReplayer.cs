using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Loads the manifests a delivery stream gave up on (error prefix), oldest first, and removes
/// each one only after its load committed. The loader is idempotent per manifest, so a replay
/// interrupted half-way can simply be run again.
/// </summary>
public sealed class ManifestReplayer(IAmazonS3 s3, IManifestLoader loader, WarehouseOptions options)
{
    public async Task<ReplayReport> ReplayAsync(string deliveryStream, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var keys = await ListManifestsAsync(deliveryStream, cancellationToken);
        var failures = new List<(string Key, string Error)>();
        var loaded = 0;
        foreach (var key in keys)
        {
            try
            {
                var result = await loader.ReplayAsync(deliveryStream, options.ErrorBucket, key, cancellationToken);
                await s3.DeleteObjectAsync(options.ErrorBucket, key, cancellationToken);
                loaded++;
                progress?.Report(result.ToString());
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures.Add((key, error.Message));
                progress?.Report($"failed s3://{options.ErrorBucket}/{key}: {error.Message}");
            }
        }
        return new ReplayReport(keys.Count, loaded, failures);
    }

    /// <summary>Lists without a delimiter (s3rver misses common prefixes otherwise) from the fixed part of the prefix.</summary>
    public async Task<IReadOnlyList<string>> ListManifestsAsync(string deliveryStream, CancellationToken cancellationToken)
    {
        var root = options.ErrorOutputPrefix.Split("!{")[0];
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = options.ErrorBucket, Prefix = root };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? [])
                .Select(o => o.Key)
                .Where(k => k[(k.LastIndexOf('/') + 1)..].StartsWith(deliveryStream + "-", StringComparison.Ordinal)));
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return keys.Order(StringComparer.Ordinal).ToArray();
    }
}

public sealed record ReplayReport(int Found, int Loaded, IReadOnlyList<(string Key, string Error)> Failures);
