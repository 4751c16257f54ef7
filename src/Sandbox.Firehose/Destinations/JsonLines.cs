using System.IO.Compression;
using System.Text.Json;

namespace Sandbox.Firehose.Destinations;

/// <summary>Records as newline-terminated lines, the shape COPY, zcat and DuckDB read.</summary>
public static class JsonLines
{
    /// <summary>Plain lines into one array of the exact size (a batch is megabytes: no growing copies).</summary>
    public static byte[] Encode(IReadOnlyCollection<ReadOnlyMemory<byte>> records)
    {
        var size = 0L;
        foreach (var record in records) size += TrimLineEnd(record.Span).Length + 1;
        var body = new byte[size];
        var at = 0;
        foreach (var record in records)
        {
            var line = TrimLineEnd(record.Span);
            line.CopyTo(body.AsSpan(at));
            at += line.Length;
            body[at++] = (byte)'\n';
        }
        return body;
    }

    private const int GzipChunkBytes = 64 * 1024;

    public static byte[] EncodeGzip(IEnumerable<ReadOnlyMemory<byte>> records)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        // Whole buffers to the deflater, not two native calls per record (a line and its newline): the archive
        // stream gzips every record of the day.
        using (var buffered = new BufferedStream(gzip, GzipChunkBytes))
        {
            foreach (var record in records)
            {
                buffered.Write(TrimLineEnd(record.Span));
                buffered.WriteByte((byte)'\n');
            }
        }
        return output.ToArray();
    }

    /// <summary>Why a record is not one JSON object (processing failure), or null when it is.</summary>
    public static string? Problem(ReadOnlyMemory<byte> record)
    {
        var span = TrimLineEnd(record.Span);
        if (span.IsEmpty) return "the record is empty";
        try
        {
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { AllowMultipleValues = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return "the record is not a JSON object";
            reader.Skip();
            return reader.Read() ? "the record holds more than one JSON value" : null;
        }
        catch (JsonException error)
        {
            return $"the record is not valid JSON: {error.Message}";
        }
    }

    private static ReadOnlySpan<byte> TrimLineEnd(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && data[^1] is (byte)'\n' or (byte)'\r') data = data[..^1];
        return data;
    }
}
