using Amazon.S3;
using Amazon.S3.Model;
using Npgsql;
using Sandbox.Aws.Manifests;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// The run's staging bucket with an expiration rule, as its owner would set on AWS: Firehose keeps its
/// staged objects after the COPY (so does ours), and at 30M events they are ~13 GB the run no longer needs.
/// Once a manifest's COPY is committed (a load_commits row) its objects and the manifest are deleted;
/// manifests not committed (in flight, or kept for replay) are never touched.
/// The newest expired key of each folder is held back until a newer one of that folder expires: s3rver
/// removes a folder that a delete leaves empty, and a PUT into that folder at the same moment then dies
/// with ENOENT and takes s3rver down (seen in a 30M run). A folder we never empty cannot race.
/// </summary>
public sealed class StagingLifecycle(IAmazonS3 s3, NpgsqlDataSource warehouse, string bucket)
{
    private readonly Dictionary<string, string> _heldBack = new(StringComparer.Ordinal);
    private long _lastCommit;

    public long DeletedObjects { get; private set; }

    public async Task ExpireLoadedAsync(CancellationToken cancellationToken)
    {
        await using var command = warehouse.CreateCommand("select id, manifest_key from load_commits where id > $1 order by id");
        command.Parameters.AddWithValue(_lastCommit);
        var committed = new List<(long Id, string Key)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) committed.Add((reader.GetInt64(0), reader.GetString(1)));
        var prefix = $"s3://{bucket}/";
        foreach (var (id, manifestUrl) in committed)
        {
            // load_commits names the manifest by URL; a replay's manifest lives in the error bucket: not ours to expire.
            if (manifestUrl.StartsWith(prefix, StringComparison.Ordinal)) await ExpireAsync(manifestUrl[prefix.Length..], cancellationToken);
            _lastCommit = id;
        }
    }

    private async Task ExpireAsync(string manifestKey, CancellationToken cancellationToken)
    {
        CopyManifest manifest;
        try
        {
            using var response = await s3.GetObjectAsync(bucket, manifestKey, cancellationToken);
            using var body = new MemoryStream();
            await response.ResponseStream.CopyToAsync(body, cancellationToken);
            manifest = CopyManifest.Parse(body.ToArray());
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return; // expired before (a replayed manifest commits again)
        }
        var keys = HoldBackNewest(manifest.Entries.Where(e => e.Bucket == bucket).Select(e => e.Key).Append(manifestKey));
        if (keys.Count == 0) return;
        await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = keys.Select(k => new KeyVersion { Key = k }).ToList() }, cancellationToken);
        DeletedObjects += keys.Count;
    }

    /// <summary>The keys to delete now: the expired ones and the folders' earlier held-back keys, less each folder's newest.</summary>
    public List<string> HoldBackNewest(IEnumerable<string> expired)
    {
        var delete = new List<string>();
        foreach (var folder in expired.GroupBy(FolderOf, StringComparer.Ordinal))
        {
            var keys = folder.ToHashSet(StringComparer.Ordinal);
            if (_heldBack.TryGetValue(folder.Key, out var held)) keys.Add(held);
            var newest = keys.Max(StringComparer.Ordinal)!;
            keys.Remove(newest);
            delete.AddRange(keys);
            _heldBack[folder.Key] = newest;
        }
        return delete;
    }

    private static string FolderOf(string key) => key.LastIndexOf('/') is var slash and >= 0 ? key[..slash] : "";
}
