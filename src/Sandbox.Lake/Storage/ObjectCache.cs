using System.IO.Compression;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws.Reads;

namespace Sandbox.Lake.Storage;

/// <summary>
/// Archive objects fetched through the S3 API into <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, with the ETag
/// they were fetched at in <c>&lt;key&gt;.etag</c>. Written to a temporary name and moved into place, so a
/// crash never leaves a half file under the real name; fetched again only when the ETag changes.
/// Only a whole body is moved into place: s3rver lists an object while its PUT is still writing it and
/// serves the prefix written so far, which gzip inflates without complaint (<see cref="WholeGzipObjects"/>);
/// a cached prefix would be queried, and converted, as if it were the object.
/// </summary>
public sealed class ObjectCache(IAmazonS3 s3, string root, LakeStats stats)
{
    /// <summary>Tries before a short object fails the query: about a second, enough for a PUT that answered before its last write landed.</summary>
    internal const int ShortReadAttempts = 5;
    private static readonly TimeSpan ShortReadPause = TimeSpan.FromMilliseconds(200);

    public string Root { get; } = Path.GetFullPath(root);

    public string RawPath(ArchiveObject item)
    {
        if (item.Key.Split('/').Any(part => part is "" or "." or ".."))
            throw new LakeException($"object key '{item.Key}' in bucket '{item.Bucket}' cannot be a cache path (empty, '.' or '..' segment)");
        return Path.Combine(Root, item.Bucket, item.Key);
    }

    /// <summary>The cached raw object at the listed ETag, fetched when missing or stale.</summary>
    /// <exception cref="LakeException">The object read short every try, is not gzip, or changed since the listing.</exception>
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
        for (var attempt = 1; await TryFetchAsync(item, path, cancellationToken) is { } shortfall; attempt++)
        {
            if (attempt >= ShortReadAttempts)
                throw new LakeException($"s3://{item.Bucket}/{item.Key} read short {attempt} times: {shortfall} (still being written, or its upload was cut; not cached)");
            await Task.Delay(ShortReadPause, cancellationToken);
        }
        await AtomicFile.WriteAsync(etagPath, target => target.WriteAsync(System.Text.Encoding.UTF8.GetBytes(item.ETag), cancellationToken).AsTask());
        stats.CountFetch();
        return path;
    }

    /// <returns>Null once the whole object is in place; otherwise what was short, and nothing was written.</returns>
    private async Task<string?> TryFetchAsync(ArchiveObject item, string path, CancellationToken cancellationToken)
    {
        try
        {
            // If-Match: an object rewritten since the listing fails here instead of caching a body under the wrong ETag.
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = item.Bucket, Key = item.Key, EtagToMatch = item.ETag }, cancellationToken);
            return await AtomicFile.TryWriteAsync(path, target => CopyWholeAsync(response.ResponseStream, target, item.Size, cancellationToken));
        }
        catch (AmazonS3Exception e)
        {
            throw new LakeException($"fetching s3://{item.Bucket}/{item.Key}: {e.Message} (rerun if the object changed while reading)", e);
        }
        catch (InvalidDataException e)
        {
            throw new LakeException($"s3://{item.Bucket}/{item.Key} is not gzip: {e.Message}", e);
        }
    }

    /// <summary>
    /// Copies the body, then inflates the copy to count it: only the gzip trailer's length, held against what
    /// the body inflates to, tells a cut body from a whole one. Reading the copy back costs a pass over a file
    /// just written (in the page cache); the inflating is the price of the check.
    /// </summary>
    private static async Task<string?> CopyWholeAsync(Stream body, Stream target, long listedSize, CancellationToken cancellationToken)
    {
        await using var compressed = new TallyingStream(body);
        await compressed.CopyToAsync(target, cancellationToken);
        if (Shortfall.OfSize(compressed.Count, listedSize) is { } shortBody) return shortBody;
        target.Position = 0;
        await using var inflated = new TallyingStream(new GZipStream(target, CompressionMode.Decompress, leaveOpen: true));
        await inflated.CopyToAsync(Stream.Null, cancellationToken);
        return Shortfall.OfGzip(compressed.Count, compressed.LastFour, inflated.Count);
    }

    /// <summary>A name part for an ETag: quotes and anything unsafe in a file name dropped.</summary>
    public static string Tag(string etag) => new(etag.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
}
