using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws.Manifests;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Loads the manifests a delivery stream gave up on (error prefix), oldest first, and removes
/// each one only after its load committed. The loader is idempotent per manifest, so a replay
/// interrupted half-way can simply be run again. The staged records are read back to check them
/// against the tracking plan, as the delivery stream did before it gave up.
/// </summary>
public sealed class ManifestReplayer(IAmazonS3 s3, IManifestLoader loader, WarehouseOptions options, TrackingPlan plan)
{
    private readonly TrackingPlanCheck _plan = new(plan);

    public async Task<ReplayReport> ReplayAsync(string deliveryStream, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var keys = await ListManifestsAsync(deliveryStream, cancellationToken);
        var failures = new List<(string Key, string Error)>();
        var loaded = 0;
        foreach (var key in keys)
        {
            try
            {
                var manifest = await ReadManifestAsync(key, cancellationToken);
                var violations = await CheckStagedRecordsAsync(manifest, cancellationToken);
                var result = await loader.LoadAsync(new ManifestLoad(deliveryStream, options.ErrorBucket, key, manifest, Task.FromResult(violations), Replay: true), cancellationToken);
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

    private async Task<CopyManifest> ReadManifestAsync(string key, CancellationToken ct)
    {
        try
        {
            return CopyManifest.Parse(await ReadAsync(options.ErrorBucket, key, ct));
        }
        catch (FormatException e)
        {
            throw new UnloadableManifestException($"s3://{options.ErrorBucket}/{key} is not a COPY manifest: {e.Message}", e);
        }
    }

    /// <summary>The tracking-plan violations of the staged records (a missing object is the COPY's to report).</summary>
    private async Task<List<EventViolation>> CheckStagedRecordsAsync(CopyManifest manifest, CancellationToken ct)
    {
        var found = new List<EventViolation>();
        foreach (var entry in manifest.Entries)
        {
            byte[] body;
            try { body = await ReadAsync(entry.Bucket, entry.Key, ct); }
            catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { continue; }
            CheckLines(body, found);
        }
        return found;
    }

    private void CheckLines(byte[] body, List<EventViolation> found)
    {
        var text = new ReadOnlySpan<byte>(body);
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            if (!line.IsEmpty) _plan.Check(line, found);
        }
    }

    private async Task<byte[]> ReadAsync(string bucket, string key, CancellationToken ct)
    {
        using var response = await s3.GetObjectAsync(bucket, key, ct);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body, ct);
        return body.ToArray();
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
