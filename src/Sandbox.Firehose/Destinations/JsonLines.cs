using System.IO.Compression;
using System.Text.Json;

namespace Sandbox.Firehose.Destinations;

/// <summary>Records as newline-terminated lines, the shape COPY, zcat and DuckDB read.</summary>
public static class JsonLines
{
    public static byte[] Encode(IEnumerable<ReadOnlyMemory<byte>> records) => Write(records, s => s);

    public static byte[] EncodeGzip(IEnumerable<ReadOnlyMemory<byte>> records) =>
        Write(records, s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true));

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

    private static byte[] Write(IEnumerable<ReadOnlyMemory<byte>> records, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var target = wrap(output))
        {
            foreach (var record in records)
            {
                var line = TrimLineEnd(record.Span);
                target.Write(line);
                target.WriteByte((byte)'\n');
            }
        }
        return output.ToArray();
    }
}
