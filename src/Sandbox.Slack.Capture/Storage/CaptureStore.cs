using System.Security.Cryptography;
using System.Text.Json;

namespace Sandbox.Slack.Capture.Storage;

/// <summary>
/// Every captured message and file under one state folder: messages.jsonl and files.jsonl (journals,
/// flushed per entry) and files/&lt;id&gt; (the uploaded bytes, written then renamed). Read back whole at start.
/// </summary>
public sealed class CaptureStore : IDisposable
{
    private readonly JournalFile<CapturedMessage> _messageJournal;
    private readonly JournalFile<CapturedFile> _fileJournal;
    private readonly List<CapturedMessage> _messages;
    private readonly Dictionary<string, CapturedFile> _files;
    private readonly string _fileFolder;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (long Seconds, int Sequence) _lastTs;

    private CaptureStore(string folder, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        _fileFolder = Path.Combine(folder, "files");
        Directory.CreateDirectory(_fileFolder);
        _time = time;
        _messageJournal = new JournalFile<CapturedMessage>(Path.Combine(folder, "messages.jsonl"), CaptureJson.Default.CapturedMessage);
        _fileJournal = new JournalFile<CapturedFile>(Path.Combine(folder, "files.jsonl"), CaptureJson.Default.CapturedFile);
        _messages = [.. _messageJournal.Entries];
        _files = _fileJournal.Entries.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Last()); // each change is a new line
        _lastTs = _messages.Select(m => ParseTs(m.Ts)).DefaultIfEmpty((0, 0)).Max();
    }

    public static CaptureStore Open(string folder, TimeProvider? time = null) => new(folder, time ?? TimeProvider.System);

    public CapturedMessage Post(string channel, string source, string text, JsonElement? blocks, IReadOnlyList<string> fileIds)
    {
        lock (_gate)
        {
            var message = new CapturedMessage(channel, NextTs(), source, text, blocks?.Clone(), fileIds, _time.GetUtcNow());
            _messageJournal.Append(message);
            _messages.Add(message);
            return message;
        }
    }

    /// <summary>Newest first, as conversations.history answers.</summary>
    public IReadOnlyList<CapturedMessage> History(string channel)
    {
        lock (_gate) return _messages.Where(m => m.Channel == channel).Reverse().ToList();
    }

    public IReadOnlyList<(string Channel, int Messages)> Channels()
    {
        lock (_gate) return _messages.GroupBy(m => m.Channel).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    public CapturedFile Reserve(string name, long length)
    {
        lock (_gate)
        {
            var file = new CapturedFile("F" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)), name, length, false, false, null, null);
            return Record(file);
        }
    }

    public CapturedFile? File(string id)
    {
        lock (_gate) return _files.GetValueOrDefault(id);
    }

    /// <summary>Stores the bytes of a reserved file; throws <see cref="ArgumentException"/> when their length is not the one reserved.</summary>
    public CapturedFile StoreBytes(string id, byte[] bytes, string? mimeType)
    {
        var file = File(id) ?? throw new KeyNotFoundException(id);
        if (bytes.Length != file.Length)
            throw new ArgumentException($"{bytes.Length} bytes uploaded, {file.Length} declared to files.getUploadURLExternal");
        var path = BytesPath(id);
        using (var stream = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
        lock (_gate) return Record(file with { Uploaded = true, MimeType = mimeType ?? Sniff(bytes) });
    }

    public CapturedFile Complete(string id, string? title)
    {
        lock (_gate) return Record(_files[id] with { Completed = true, Title = title ?? _files[id].Name });
    }

    public string BytesPath(string id) => Path.Combine(_fileFolder, id);

    private CapturedFile Record(CapturedFile file)
    {
        _fileJournal.Append(file);
        _files[file.Id] = file;
        return file;
    }

    // Slack's ts: epoch seconds and a 6-digit suffix, unique and increasing within the workspace here.
    private string NextTs()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        _lastTs = now > _lastTs.Seconds ? (now, 100) : (_lastTs.Seconds, _lastTs.Sequence + 1);
        return $"{_lastTs.Seconds}.{_lastTs.Sequence:D6}";
    }

    private static (long, int) ParseTs(string ts) => ts.Split('.') is [var s, var n] ? (long.Parse(s), int.Parse(n)) : (0, 0);

    private static string Sniff(byte[] bytes) =>
        bytes is [0x89, 0x50, 0x4E, 0x47, ..] ? "image/png" : bytes is [0xFF, 0xD8, ..] ? "image/jpeg" : "application/octet-stream";

    public void Dispose()
    {
        _messageJournal.Dispose();
        _fileJournal.Dispose();
    }
}
