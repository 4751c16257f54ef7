using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Unload;

/// <summary>
/// Receives the rows of PostgreSQL's COPY (query) TO STDOUT for an UNLOAD and writes them to local
/// files (gzip if asked), a new file past MAXFILESIZE, each starting with the header line when HEADER
/// is on; <see cref="UploadAsync"/> then puts them under the prefix with Redshift's names
/// (`0000_part_00`, or `000` with PARALLEL OFF, `.gz` when gzipped) and the manifest. Memory stays flat.
/// </summary>
public sealed class UnloadSink(UnloadCommand command, S3Store s3) : IDisposable
{
    private readonly List<PartFile> _parts = [];
    private byte[]? _header;
    private bool _headerPending = command.Header;
    private PartFile? _current;

    private sealed class PartFile(string path, Stream stream)
    {
        public string Path { get; } = path;
        public Stream Stream { get; } = stream;
        public long Bytes { get; set; }
        public long Rows { get; set; }
    }

    /// <summary>One CopyData body: a row (or, first with HEADER, the header line).</summary>
    public void Write(in ReadOnlySequence<byte> row)
    {
        if (_headerPending)
        {
            _header = row.ToArray();
            _headerPending = false;
            return;
        }
        var part = _current is { } open && open.Bytes + row.Length <= command.MaxFileSize ? open : NextPart();
        foreach (var segment in row) part.Stream.Write(segment.Span);
        part.Bytes += row.Length;
        part.Rows++;
    }

    private PartFile NextPart()
    {
        _current?.Stream.Flush();
        var path = Path.GetTempFileName();
        Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        if (command.Gzip) stream = new GZipStream(stream, CompressionLevel.Fastest);
        var part = new PartFile(path, stream);
        if (_header != null)
        {
            stream.Write(_header);
            part.Bytes += _header.Length;
        }
        _parts.Add(part);
        return _current = part;
    }

    public S3Url Prefix => command.Prefix;

    public long Rows => _parts.Sum(p => p.Rows);

    /// <summary>Puts the files (at least one, possibly empty) and the manifest; returns the rows unloaded.</summary>
    public async Task<long> UploadAsync(CancellationToken ct)
    {
        if (_parts.Count == 0) NextPart();
        foreach (var part in _parts) await part.Stream.DisposeAsync();
        var entries = new List<(S3Url Url, PartFile Part)>();
        for (var i = 0; i < _parts.Count; i++)
        {
            var url = command.Prefix.WithKey(command.Prefix.Key + ObjectName(i));
            await s3.PutFileAsync(url, _parts[i].Path, ct);
            entries.Add((url, _parts[i]));
        }
        if (command.Manifest)
            await s3.PutTextAsync(command.Prefix.WithKey(command.Prefix.Key + "manifest"), Manifest(entries), ct);
        return Rows;
    }

    private string ObjectName(int part)
    {
        var name = command.Parallel
            ? $"0000_part_{part.ToString("00", CultureInfo.InvariantCulture)}"
            : part.ToString("000", CultureInfo.InvariantCulture);
        return command.Gzip ? name + ".gz" : name;
    }

    private string Manifest(List<(S3Url Url, PartFile Part)> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");
            foreach (var (url, part) in entries)
            {
                json.WriteStartObject();
                json.WriteString("url", url.ToString());
                if (command.ManifestVerbose)
                {
                    json.WriteStartObject("meta");
                    json.WriteNumber("content_length", new FileInfo(part.Path).Length);
                    json.WriteNumber("record_count", part.Rows);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (command.ManifestVerbose)
            {
                json.WriteStartObject("meta");
                json.WriteNumber("content_length", entries.Sum(e => new FileInfo(e.Part.Path).Length));
                json.WriteNumber("record_count", Rows);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Dispose()
    {
        foreach (var part in _parts)
        {
            try { part.Stream.Dispose(); } catch (IOException) { }
            File.Delete(part.Path);
        }
    }

    /// <summary>PostgreSQL's COPY that produces the rows: text with '|' (NULL as empty, as UNLOAD writes it) or CSV.</summary>
    public static string BackendSql(UnloadCommand command, string query)
    {
        var options = new List<string> { command.Csv ? "format csv" : "format text", $"delimiter {Literal(command.Delimiter.ToString())}",
            $"null {Literal(command.NullAs ?? "")}" };
        if (command.Header) options.Add("header true");
        return $"copy ({query.TrimEnd().TrimEnd(';')}) to stdout with ({string.Join(", ", options)})";
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
