using System.Text.Json;
using System.Text.Unicode;

namespace Sandbox.Shipper.Records;

/// <summary>
/// Lines that cannot be shipped, kept with their reason and origin as JSON lines
/// (<c>{"reason","source","offset","line"}</c>, or <c>line_base64</c> when the bytes are not UTF-8).
/// Flushed before the read position that passed them is acknowledged.
/// </summary>
public sealed class BadLinesFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly bool _fsync;

    public BadLinesFile(string path, bool fsync = false)
    {
        Path = path;
        _fsync = fsync;
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
    }

    public string Path { get; }

    public void Write(RejectReason reason, string detail, string source, long offset, ReadOnlySpan<byte> line)
    {
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("reason", reason.ToString());
        _writer.WriteString("detail", detail);
        _writer.WriteString("source", source);
        _writer.WriteNumber("offset", offset);
        if (Utf8.IsValid(line)) _writer.WriteString("line", line);
        else _writer.WriteBase64String("line_base64", line);
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public void Flush() => _stream.Flush(flushToDisk: _fsync);

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
