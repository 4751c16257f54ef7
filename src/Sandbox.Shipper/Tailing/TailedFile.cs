namespace Sandbox.Shipper.Tailing;

/// <summary>
/// One watched file: its identity (inode), how far it has been read, and an open handle while it
/// is active, so a file renamed away by rotation is still read to its end.
/// </summary>
internal sealed class TailedFile(string path, string source, ulong inode, long offset, TimeProvider time) : IDisposable
{
    private FileStream? _handle;
    private long _lastSize = -1;
    private long _lastChange = time.GetTimestamp();

    public string Path { get; set; } = path;
    /// <summary>Path relative to the tailed folder, for messages and the bad-lines file.</summary>
    public string Source { get; set; } = source;
    public ulong Inode { get; } = inode;
    public long Offset { get; set; } = offset;
    public bool IsGzip => Path.EndsWith(".gz", StringComparison.Ordinal);
    public bool IsCompleted => Offset == FilePosition.Completed;
    /// <summary>The file was rotated or deleted: read what is left through the handle, then forget it.</summary>
    public bool Detached { get; set; }

    public FilePosition Position => new(Inode, Offset);

    /// <summary>Current size, through the open handle when there is one (it follows a renamed file).</summary>
    public long Size()
    {
        long size;
        try
        {
            size = _handle?.Length ?? new FileInfo(Path).Length;
        }
        catch (FileNotFoundException)
        {
            size = -1;
        }
        if (size != _lastSize)
        {
            _lastSize = size;
            _lastChange = time.GetTimestamp();
        }
        return size;
    }

    public TimeSpan UnchangedFor => time.GetElapsedTime(_lastChange);

    public FileStream Open()
    {
        if (_handle is not null) return _handle;
        _handle = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        // The name may already point at a newer file: only read it if it is the one we track.
        if (Inode != 0 && FileIdentity.Of(_handle.SafeFileHandle) != Inode)
        {
            Close();
            throw new FileNotFoundException($"{Path} was replaced before it could be opened", Path);
        }
        return _handle;
    }

    public void Close()
    {
        _handle?.Dispose();
        _handle = null;
    }

    public void Dispose() => Close();
}
