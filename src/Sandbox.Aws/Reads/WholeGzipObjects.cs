using System.IO.Compression;
using Amazon.S3;

namespace Sandbox.Aws.Reads;

/// <summary>One gzip object as read: its inflated content, or why the body was not the whole object.</summary>
public sealed record GzipObject(string Bucket, string Key, ReadOnlyMemory<byte> Inflated, string? Incomplete)
{
    public bool IsWhole => Incomplete is null;
}

/// <summary>An object that still read short after the reader's tries.</summary>
public sealed class IncompleteObjectException(GzipObject read, int attempts)
    : IOException($"s3://{read.Bucket}/{read.Key} read short {attempts} times: {read.Incomplete}");

/// <summary>
/// Reads gzip objects only when they arrived whole. s3rver (the native stack's S3) lists an object
/// as soon as its PUT creates the file and serves what is on disk so far, with a Content-Length to
/// match; its PUT may even answer before the last write reached the file; and a PUT cut by a dying
/// client leaves the prefix listed for good (docs/FACTS-LOCAL.md). A reader that meets such an object
/// gets a prefix that GZipStream inflates without complaint, so every reader checks the gzip trailer
/// (<see cref="GzipTrailer"/>) and the listed size, and a short read is read again later, never kept.
/// </summary>
public static class WholeGzipObjects
{
    /// <summary>
    /// Reads and inflates one gzip object. <paramref name="listedSize"/>, the size a listing gave,
    /// is a floor: a body shorter than it is short.
    /// </summary>
    public static async Task<GzipObject> ReadGzipAsync(this IAmazonS3 s3, string bucket, string key, long? listedSize = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        using var body = new MemoryStream();
        await response.ResponseStream.CopyToAsync(body, cancellationToken);
        var compressed = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (Shortfall.OfSize(compressed.Length, listedSize) is { } shortBody)
            return new GzipObject(bucket, key, default, shortBody);
        if (!GzipTrailer.StartsAsGzip(compressed.Span)) return new GzipObject(bucket, key, default, NotGzip);
        var inflated = Inflate(body);
        var incomplete = Shortfall.OfGzip(compressed.Length, compressed.Span[Math.Max(0, compressed.Length - 4)..], inflated.Length);
        return new GzipObject(bucket, key, incomplete is null ? inflated : default, incomplete);
    }

    /// <summary>
    /// <see cref="ReadGzipAsync"/> until the object reads whole, waiting <paramref name="pause"/> (100 ms
    /// by default) between tries: for one-shot readers that must not skip an object still being written.
    /// </summary>
    /// <exception cref="IncompleteObjectException">Still short after <paramref name="attempts"/> tries.</exception>
    public static async Task<GzipObject> ReadWholeGzipAsync(this IAmazonS3 s3, string bucket, string key, long? listedSize = null,
        int attempts = 20, TimeSpan? pause = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await s3.ReadGzipAsync(bucket, key, listedSize, cancellationToken);
            if (read.IsWhole) return read;
            if (attempt >= attempts) throw new IncompleteObjectException(read, attempt);
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private const string NotGzip = "a body that does not start as gzip";

    private static ReadOnlyMemory<byte> Inflate(MemoryStream compressed)
    {
        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        return inflated.GetBuffer().AsMemory(0, (int)inflated.Length);
    }
}
