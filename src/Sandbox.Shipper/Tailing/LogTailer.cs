using Microsoft.Extensions.Logging;

namespace Sandbox.Shipper.Tailing;

/// <summary>
/// fluentd's in_tail: finds files matching the globs (again every refresh interval, so files of
/// later hours are picked up), follows each by inode from its acknowledged position, reads
/// rotated-away files to their end, and reads finished .gz files whole.
/// </summary>
internal sealed class LogTailer : IDisposable
{
    private readonly ShipperOptions _options;
    private readonly FileDiscovery _discovery;
    private readonly IReadOnlyDictionary<string, FilePosition> _acknowledged;
    private readonly ILineSink _sink;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly LineReader _reader = new();
    private readonly Dictionary<string, TailedFile> _files = new(StringComparer.Ordinal);
    private readonly List<TailedFile> _detached = [];
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private long? _lastRefresh;

    public LogTailer(ShipperOptions options, IReadOnlyDictionary<string, FilePosition> acknowledged, ILineSink sink, ILogger log)
    {
        _options = options;
        _time = options.TimeProvider;
        _discovery = new FileDiscovery(options.SourceDirectory, options.Globs.Select(g => new GlobPattern(g)).ToList(), options.StateDirectory);
        _acknowledged = acknowledged;
        _sink = sink;
        _log = log;
    }

    public int WatchedFiles => _files.Count;

    /// <summary>Every file the tailer has seen, with where reading stands (including lines not yet acknowledged).</summary>
    public IEnumerable<TailedFile> Files => _files.Values;

    /// <summary>
    /// One round over every file. <paramref name="final"/> (--once) takes trailing lines without
    /// '\n' and .gz files without waiting for them to settle. Returns whether any byte was read.
    /// </summary>
    public bool Pass(bool final, CancellationToken cancellationToken)
    {
        if (final || _lastRefresh is not { } last || _time.GetElapsedTime(last) >= _options.RefreshInterval)
        {
            Refresh();
            _lastRefresh = _time.GetTimestamp();
        }
        var progressed = false;
        foreach (var file in _detached.ToList())
        {
            progressed |= ReadPlain(file, takePartialLine: true, cancellationToken);
            file.Dispose();
            _detached.Remove(file);
        }
        foreach (var file in _files.Values)
        {
            if (file.IsCompleted) continue;
            progressed |= file.IsGzip ? ReadGzip(file, final, cancellationToken) : ReadPlainIfGrown(file, final, cancellationToken);
        }
        return progressed;
    }

    private void Refresh()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, source) in _discovery.Find())
        {
            seen.Add(path);
            var inode = FileIdentity.Of(path);
            if (_files.TryGetValue(path, out var known))
            {
                if (known.Inode == inode) continue;
                _log.LogInformation("{Source} was rotated (inode {Old} -> {New}): reading the old file to its end", source, known.Inode, inode);
                Detach(known);
            }
            _files[path] = AdoptMoved(path, source, inode) ?? new TailedFile(path, source, inode, StartOffset(path, inode), _time);
        }
        foreach (var gone in _files.Keys.Where(p => !seen.Contains(p)).ToList())
        {
            var file = _files[gone];
            if (!file.IsCompleted) _log.LogInformation("{Source} is gone: reading what is left through its handle", file.Source);
            Detach(file);
        }
    }

    /// <summary>A file renamed to another matching name keeps its place (same inode, new path).</summary>
    private TailedFile? AdoptMoved(string path, string source, ulong inode)
    {
        if (inode == 0) return null;
        var moved = _detached.FirstOrDefault(f => f.Inode == inode);
        if (moved is null) return null;
        _detached.Remove(moved);
        moved.Path = path;
        moved.Source = source;
        moved.Detached = false;
        return moved;
    }

    private long StartOffset(string path, ulong inode) =>
        _acknowledged.TryGetValue(path, out var position) && position.Inode == inode ? position.Offset : 0;

    private void Detach(TailedFile file)
    {
        _files.Remove(file.Path);
        file.Detached = true;
        if (file.IsGzip || file.IsCompleted) file.Dispose();
        else _detached.Add(file);
    }

    private bool ReadPlainIfGrown(TailedFile file, bool final, CancellationToken cancellationToken)
    {
        var size = file.Size();
        if (size < 0) return false;
        if (size < file.Offset)
        {
            _log.LogWarning("{Source} shrank from {Offset} to {Size} bytes (truncated): reading it again from the start", file.Source, file.Offset, size);
            file.Close();
            file.Offset = 0;
        }
        var idle = file.UnchangedFor;
        if (size == file.Offset)
        {
            if (idle >= _options.CloseIdleAfter) file.Close();
            return false;
        }
        return ReadPlain(file, final || idle >= _options.PartialLineTimeout, cancellationToken);
    }

    private bool ReadPlain(TailedFile file, bool takePartialLine, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = file.Open();
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        stream.Position = file.Offset;
        var before = file.Offset;
        _reader.Drain(stream, file, _sink, cancellationToken);
        if (takePartialLine) _reader.TakeLeftover(file, _sink);
        return file.Offset != before;
    }

    private bool ReadGzip(TailedFile file, bool final, CancellationToken cancellationToken)
    {
        var size = file.Size();
        if (size <= 0 || (!final && file.UnchangedFor < _options.GzipSettleTime)) return false;
        if (!final && _warned.Contains(file.Path + "@" + size)) return false;
        var before = file.Offset;
        var complete = GzipReader.Drain(file, _reader, _sink, final, cancellationToken, out var problem);
        if (problem is not null && _warned.Add(file.Path + "@" + size))
            _log.LogWarning("{Source}: {Problem}; {What}", file.Source, problem,
                complete ? "shipping what it holds (--once)" : "its complete lines were taken, the rest is read if the file changes");
        if (!complete) return file.Offset != before;
        file.Offset = FilePosition.Completed;
        _sink.Reached(file, FilePosition.Completed);
        return true;
    }

    public void Dispose()
    {
        foreach (var file in _files.Values.Concat(_detached)) file.Dispose();
    }
}
