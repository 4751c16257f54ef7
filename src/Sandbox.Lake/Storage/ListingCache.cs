using Amazon.S3;
using Amazon.S3.Model;

namespace Sandbox.Lake.Storage;

/// <summary>
/// A bucket's listing reused for <paramref name="maxAge"/>: a long-lived reader (the console runs many
/// lake queries) lists the archive at most that often instead of on every open. The archive is
/// append-only, so a reused listing misses at most the objects delivered within maxAge; the objects
/// themselves are cached by key and ETag (<see cref="ObjectCache"/>). One instance per bucket reader.
/// </summary>
public sealed class ListingCache(TimeSpan maxAge, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<S3Object> Objects)> _listings = new(StringComparer.Ordinal);

    public TimeSpan MaxAge { get; } = maxAge;

    /// <returns>The listing, and whether it was reused.</returns>
    public async Task<(IReadOnlyList<S3Object> Objects, bool Reused)> ListAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _clock.GetUtcNow();
            if (_listings.TryGetValue(bucket, out var last) && now - last.At < MaxAge) return (last.Objects, true);
            var objects = await ArchiveListing.ListAsync(s3, bucket, "", cancellationToken);
            _listings[bucket] = (now, objects);
            return (objects, false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
