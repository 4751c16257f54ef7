using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sandbox.Slack.Capture.Storage;

/// <summary>
/// An append-only JSON-lines file, each line flushed to disk before the call returns (a post that was
/// answered ok is never lost). A torn last line (a crash mid-write) is dropped on reading; a bad line
/// elsewhere stops the start, naming the file and line.
/// </summary>
internal sealed class JournalFile<T> : IDisposable
{
    private readonly FileStream _stream;
    private readonly JsonTypeInfo<T> _type;

    public JournalFile(string path, JsonTypeInfo<T> type)
    {
        _type = type;
        Entries = File.Exists(path) ? Read(path, type) : [];
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        TruncateTornTail(_stream);
    }

    /// <summary>The entries found at open, in order.</summary>
    public IReadOnlyList<T> Entries { get; }

    public void Append(T entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, _type);
        lock (_stream)
        {
            _stream.Write(line);
            _stream.WriteByte((byte)'\n');
            _stream.Flush(flushToDisk: true);
        }
    }

    private static List<T> Read(string path, JsonTypeInfo<T> type)
    {
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        var entries = new List<T>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize(lines[i], type) ?? throw new JsonException("null entry"));
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // The last line without its newline: the write it belonged to was never answered.
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{i + 1}: not a journal entry ({e.Message}); move the file away to start empty", e);
            }
        }
        return entries;
    }

    private static void TruncateTornTail(FileStream stream)
    {
        if (stream.Length == 0) return;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        stream.SetLength(end);
        stream.Seek(end, SeekOrigin.Begin);
    }

    public void Dispose() => _stream.Dispose();
}
