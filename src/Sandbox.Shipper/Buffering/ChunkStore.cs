using System.Globalization;
using System.Text.Json;
using Sandbox.Shipper.Records;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Buffering;

/// <summary>
/// fluentd's file buffer: every sealed chunk is written to <c>chunk-&lt;sequence&gt;.buf</c> (atomically)
/// before its read positions are acknowledged, and deleted once Kinesis stored all its records.
/// A file is a JSON header line (sequence, record count, positions) followed by the records, one a line.
/// </summary>
public sealed class ChunkStore
{
    private const string Prefix = "chunk-";
    private const string Extension = ".buf";
    private readonly bool _fsync;

    public ChunkStore(string directory, bool fsync = false)
    {
        Directory = directory;
        _fsync = fsync;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public string PathOf(long sequence) =>
        System.IO.Path.Combine(Directory, Prefix + sequence.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    public void Spill(Chunk chunk) => AtomicFile.Write(PathOf(chunk.Sequence), _fsync, stream =>
    {
        using (var header = new Utf8JsonWriter(stream))
        {
            header.WriteStartObject();
            header.WriteNumber("sequence", chunk.Sequence);
            header.WriteNumber("records", chunk.Count);
            header.WriteStartArray("positions");
            foreach (var (path, position) in chunk.Positions)
            {
                header.WriteStartObject();
                header.WriteString("path", path);
                header.WriteNumber("inode", position.Inode);
                header.WriteNumber("offset", position.Offset);
                header.WriteEndObject();
            }
            header.WriteEndArray();
            header.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        stream.Write(chunk.Body, 0, chunk.BodyLength);
    });

    public void Delete(Chunk chunk) => File.Delete(PathOf(chunk.Sequence));

    /// <summary>Chunks left by an earlier run, oldest first; half-written temp files are removed (their positions were never acknowledged).</summary>
    public IReadOnlyList<Chunk> Recover()
    {
        foreach (var temp in System.IO.Directory.EnumerateFiles(Directory, "*" + AtomicFile.TempSuffix)) File.Delete(temp);
        return System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + Extension)
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    private static Chunk Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerEnd = Array.IndexOf(bytes, (byte)'\n');
        if (headerEnd < 0) throw new InvalidDataException($"buffer chunk {path} has no header line");
        long sequence;
        int records;
        var positions = new Dictionary<string, FilePosition>(StringComparer.Ordinal);
        try
        {
            using var header = JsonDocument.Parse(bytes.AsMemory(0, headerEnd));
            var root = header.RootElement;
            sequence = root.GetProperty("sequence").GetInt64();
            records = root.GetProperty("records").GetInt32();
            foreach (var p in root.GetProperty("positions").EnumerateArray())
                positions[p.GetProperty("path").GetString()!] = new FilePosition(p.GetProperty("inode").GetUInt64(), p.GetProperty("offset").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"buffer chunk {path}: the header is not valid: {e.Message}", e);
        }

        var starts = new int[records];
        var lengths = new int[records];
        var keys = new string[records];
        var at = headerEnd + 1;
        for (var i = 0; i < records; i++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', at);
            if (end < 0) throw new InvalidDataException($"buffer chunk {path} holds {i} records, its header says {records}");
            starts[i] = at;
            lengths[i] = end - at;
            keys[i] = PartitionKey.For(bytes.AsSpan(at, end - at)).Key;
            at = end + 1;
        }
        if (at != bytes.Length) throw new InvalidDataException($"buffer chunk {path} holds more than the {records} records its header says");
        return new Chunk(sequence, bytes, bytes.Length, starts, lengths, keys, positions);
    }
}
