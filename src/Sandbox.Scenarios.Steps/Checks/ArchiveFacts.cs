using System.IO.Compression;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Firehose.Destinations.Archive;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>Every line of every gzip object the to-archive stream wrote, read back from S3.</summary>
public sealed record ArchiveFacts(IReadOnlyList<string> EventIds, long FailedLines)
{
    public static async Task<ArchiveFacts> ReadAsync(IAmazonS3 s3, string bucket)
    {
        var ids = new List<string>();
        long failed = 0;
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = token });
            foreach (var item in page.S3Objects ?? [])
            {
                var lines = await LinesAsync(s3, bucket, item.Key);
                if (IsProcessingFailed(item.Key)) failed += lines.Count;
                else ids.AddRange(lines.Select(EventId));
            }
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        return new ArchiveFacts(ids, failed);
    }

    /// <summary>Records the to-archive stream could not deliver as JSON, not delivered events.</summary>
    public static bool IsProcessingFailed(string key) => key.StartsWith(ArchiveDestination.ProcessingFailed, StringComparison.Ordinal);

    /// <summary>The event ids of one delivered object, in order (repeats kept: the archive is at-least-once).</summary>
    public static async Task<List<string>> EventIdsOfObjectAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken = default) =>
        (await LinesAsync(s3, bucket, key, cancellationToken)).Select(EventId).ToList();

    private static async Task<List<string>> LinesAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken = default)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        await using var gzip = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            if (line.Length > 0) lines.Add(line);
        return lines;
    }

    private static string EventId(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("event_id", out var id) ? id.GetString() ?? "" : "";
    }
}
