using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Aws.Reads;
using Sandbox.Firehose.Destinations.Archive;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>
/// Every line of every gzip object the to-archive stream wrote, read back from S3, each object read
/// whole (<see cref="WholeGzipObjects"/>): one still being written is read again, never counted short.
/// </summary>
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
                var lines = await LinesAsync(s3, bucket, item.Key, item.Size);
                if (IsProcessingFailed(item.Key)) failed += lines.Count;
                else ids.AddRange(lines.Select(EventId));
            }
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        return new ArchiveFacts(ids, failed);
    }

    /// <summary>Records the to-archive stream could not deliver as JSON, not delivered events.</summary>
    public static bool IsProcessingFailed(string key) => key.StartsWith(ArchiveDestination.ProcessingFailed, StringComparison.Ordinal);

    /// <summary>
    /// The event ids of one delivered object, in order (repeats kept: the archive is at-least-once), or
    /// null when it did not read whole (a PUT still writing, or one cut short): read it again later.
    /// </summary>
    /// <param name="listedSize">The object's size in the listing that named it.</param>
    public static async Task<List<string>?> EventIdsOfWholeObjectAsync(IAmazonS3 s3, string bucket, string key, long? listedSize,
        CancellationToken cancellationToken = default)
    {
        // As bytes, not strings: a load run reads every archived event while the pipeline runs (docs/BENCHMARKS.md,
        // "CPU per event, our processes"); UTF-16 lines and a JsonDocument per line were most of the load monitor's CPU.
        var read = await s3.ReadGzipAsync(bucket, key, listedSize, cancellationToken);
        return read.IsWhole ? EventIdsOf(read.Inflated.Span) : null;
    }

    /// <summary>The event ids of one gzip object of JSON lines, in order.</summary>
    public static List<string> EventIdsOfGzip(Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var body = new MemoryStream();
        gzip.CopyTo(body);
        return EventIdsOf(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>The event id of each non-empty line, as <see cref="EventId(string)"/> reads it from the line's text.</summary>
    internal static List<string> EventIdsOf(ReadOnlySpan<byte> lines)
    {
        if (lines.StartsWith(Utf8Bom)) lines = lines[Utf8Bom.Length..]; // StreamReader drops it too
        var ids = new List<string>();
        while (!lines.IsEmpty)
        {
            // Line ends as StreamReader.ReadLine knows them: \n, \r, \r\n.
            var end = lines.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? lines : lines[..end];
            if (!line.IsEmpty) ids.Add(EventId(line));
            if (end < 0) break;
            lines = lines[(end + (lines[end] == '\r' && end + 1 < lines.Length && lines[end + 1] == '\n' ? 2 : 1))..];
        }
        return ids;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static async Task<List<string>> LinesAsync(IAmazonS3 s3, string bucket, string key, long? listedSize, CancellationToken cancellationToken = default)
    {
        var read = await s3.ReadWholeGzipAsync(bucket, key, listedSize, cancellationToken: cancellationToken);
        using var reader = new StreamReader(new MemoryStream(read.Inflated.ToArray(), writable: false));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
            if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>
    /// The top-level "event_id" of one line straight from its UTF-8 bytes; a line this cannot read as an
    /// object with a string (or null) id goes the text way, which answers or throws as it always did.
    /// </summary>
    internal static string EventId(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return EventId(Encoding.UTF8.GetString(line));
            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("event_id"u8);
                reader.Read();
                if (!isId) reader.Skip();
                else if (reader.TokenType is JsonTokenType.String or JsonTokenType.Null) id = reader.GetString(); // the last one, as JsonDocument
                else return EventId(Encoding.UTF8.GetString(line));
            }
            if (reader.Read()) return EventId(Encoding.UTF8.GetString(line)); // more than one value: not for this path
            return id ?? "";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return EventId(Encoding.UTF8.GetString(line)); // invalid JSON or UTF-8: the text way says what is wrong
        }
    }

    internal static string EventId(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("event_id", out var id) ? id.GetString() ?? "" : "";
    }
}
