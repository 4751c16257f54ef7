using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Lake.Storage;

/// <summary>
/// Archive objects fetched through the S3 API into <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, with the ETag
/// they were fetched at in <c>&lt;key&gt;.etag</c>. Written to a temporary name and moved into place, so a
/// crash never leaves a half file under the real name; fetched again only when the ETag changes.
/// </summary>
public sealed class ObjectCache(IAmazonS3 s3, string root, LakeStats stats)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string RawPath(ArchiveObject item)
    {
        if (item.Key.Split('/').Any(part => part is "" or "." or ".."))
            throw new LakeException($"object key '{item.Key}' in bucket '{item.Bucket}' cannot be a cache path (empty, '.' or '..' segment)");
        return Path.Combine(Root, item.Bucket, item.Key);
    }

    /// <summary>The cached raw object at the listed ETag, fetched when missing or stale.</summary>
    public async Task<string> RawAsync(ArchiveObject item, CancellationToken cancellationToken)
    {
        var path = RawPath(item);
        var etagPath = path + ".etag";
        if (File.Exists(path) && File.Exists(etagPath) && await File.ReadAllTextAsync(etagPath, cancellationToken) == item.ETag)
        {
            stats.CountHit();
            return path;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // If-Match: an object rewritten since the listing fails here instead of caching a body under the wrong ETag.
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = item.Bucket, Key = item.Key, EtagToMatch = item.ETag }, cancellationToken);
            await AtomicFile.WriteAsync(path, target => response.ResponseStream.CopyToAsync(target, cancellationToken));
        }
        catch (AmazonS3Exception e)
        {
            throw new LakeException($"fetching s3://{item.Bucket}/{item.Key}: {e.Message} (rerun if the object changed while reading)", e);
        }
        await AtomicFile.WriteAsync(etagPath, target => target.WriteAsync(System.Text.Encoding.UTF8.GetBytes(item.ETag), cancellationToken).AsTask());
        stats.CountFetch();
        return path;
    }

    /// <summary>A name part for an ETag: quotes and anything unsafe in a file name dropped.</summary>
    public static string Tag(string etag) => new(etag.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
}
