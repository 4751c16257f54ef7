using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// One append-only segment file of a shard ("{base position:D20}.seg") and its sparse index
/// ("….idx", rebuildable, so never fsynced). Appends come from one writer at a time; readers see
/// only bytes below <see cref="EndOffset"/>, which is published after each write.
/// </summary>
internal sealed class Segment : IDisposable
{
    public const string DataExtension = ".seg";
    private const string IndexExtension = ".idx";

    private readonly FileStream _data;
    private readonly FileStream _index;
    private long _endOffset;
    private long _nextPosition;
    private long _syncedOffset;
    private long _lastArrivalMs;
    private long _recordsSinceIndexEntry;

    private Segment(string directory, long basePosition)
    {
        BasePosition = basePosition;
        var name = basePosition.ToString("D20", CultureInfo.InvariantCulture);
        DataPath = Path.Combine(directory, name + DataExtension);
        IndexPath = Path.Combine(directory, name + IndexExtension);
        const FileShare share = FileShare.ReadWrite | FileShare.Delete;
        _data = new FileStream(DataPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, 0);
        _index = new FileStream(IndexPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, 0);
        _nextPosition = basePosition;
    }

    public long BasePosition { get; }
    public string DataPath { get; }
    public string IndexPath { get; }
    public SafeFileHandle Handle => _data.SafeFileHandle;
    public SparseIndex Index { get; } = new();
    public long EndOffset => Volatile.Read(ref _endOffset);
    public long NextPosition => Volatile.Read(ref _nextPosition);
    public long LastArrivalMs => Volatile.Read(ref _lastArrivalMs);
    public long FirstArrivalMs => Index.Count == 0 ? long.MaxValue : Index.FloorByPosition(BasePosition)!.Value.ArrivalMs;
    public bool IsEmpty => NextPosition == BasePosition;

    public static Segment Create(string directory, long basePosition)
    {
        var segment = new Segment(directory, basePosition);
        segment._data.SetLength(0);
        segment._index.SetLength(0);
        return segment;
    }

    public static bool TryParseBase(string fileName, out long basePosition) =>
        long.TryParse(Path.GetFileNameWithoutExtension(fileName), NumberStyles.None, CultureInfo.InvariantCulture, out basePosition);

    /// <summary>Reopens a segment after a restart or crash; a torn or corrupt tail is cut off.</summary>
    public static Segment Open(string directory, long basePosition, int indexInterval)
    {
        var segment = new Segment(directory, basePosition);
        segment.Recover(indexInterval);
        return segment;
    }

    /// <summary>Writes a block of encoded frames at the end; returns after the OS has them.</summary>
    public void Append(ReadOnlySpan<byte> frames, ReadOnlySpan<(long Position, int Offset, long ArrivalMs)> records, int indexInterval)
    {
        var start = _endOffset;
        RandomAccess.Write(Handle, frames, start);
        Span<byte> entryBytes = stackalloc byte[IndexEntry.Size];
        foreach (var (position, offset, arrivalMs) in records)
        {
            if (position == BasePosition || ++_recordsSinceIndexEntry >= indexInterval)
                AddIndexEntry(new IndexEntry(position, start + offset, arrivalMs), entryBytes, persist: true);
        }
        var last = records[^1];
        Volatile.Write(ref _lastArrivalMs, last.ArrivalMs);
        Volatile.Write(ref _endOffset, start + frames.Length);
        Volatile.Write(ref _nextPosition, last.Position + 1);
    }

    /// <summary>fsync of everything appended so far (group commit).</summary>
    public void Sync()
    {
        var end = EndOffset;
        if (end == Interlocked.Read(ref _syncedOffset)) return;
        _data.Flush(flushToDisk: true);
        Interlocked.Exchange(ref _syncedOffset, end);
    }

    public int Read(Span<byte> destination, long offset) => RandomAccess.Read(Handle, destination, offset);

    public void Dispose()
    {
        _data.Dispose();
        _index.Dispose();
    }

    public void DeleteFiles()
    {
        File.Delete(DataPath);
        File.Delete(IndexPath);
    }

    private void AddIndexEntry(IndexEntry entry, Span<byte> scratch, bool persist)
    {
        Index.Add(entry);
        _recordsSinceIndexEntry = 0;
        if (!persist) return;
        BinaryPrimitives.WriteInt64LittleEndian(scratch, entry.Position);
        BinaryPrimitives.WriteInt64LittleEndian(scratch[8..], entry.Offset);
        BinaryPrimitives.WriteInt64LittleEndian(scratch[16..], entry.ArrivalMs);
        RandomAccess.Write(_index.SafeFileHandle, scratch, (long)(Index.Count - 1) * IndexEntry.Size);
    }

    private void Recover(int indexInterval)
    {
        var fileLength = _data.Length;
        var trusted = LoadIndexEntries(fileLength);
        // Re-validate from the last index entry we trust: everything after it is scanned frame by frame.
        var resumeAt = trusted.Count == 0 ? new IndexEntry(BasePosition, 0, 0) : trusted[^1];
        foreach (var entry in trusted.Take(Math.Max(0, trusted.Count - 1))) Index.Add(entry);
        _endOffset = resumeAt.Offset;
        _nextPosition = resumeAt.Position;
        _lastArrivalMs = resumeAt.ArrivalMs;
        _recordsSinceIndexEntry = 0;

        Span<byte> scratch = stackalloc byte[IndexEntry.Size];
        var first = true;
        using (var cursor = new SegmentCursor(this, resumeAt.Offset, fileLength, retainBuffers: false))
        {
            while (cursor.TryNext(validate: true, out var record, out var frameOffset, out var frameLength))
            {
                if (record.Position != _nextPosition) break; // a stale frame from an older life of this file
                if (record.Position == BasePosition || first && trusted.Count > 0 || ++_recordsSinceIndexEntry >= indexInterval)
                    AddIndexEntry(new IndexEntry(record.Position, frameOffset, record.ArrivalMs), scratch, persist: false);
                first = false;
                _lastArrivalMs = record.ArrivalMs;
                _endOffset = frameOffset + frameLength;
                _nextPosition = record.Position + 1;
            }
        }
        if (_endOffset < fileLength) _data.SetLength(_endOffset);
        RewriteIndexFile();
        _syncedOffset = _endOffset;
    }

    private List<IndexEntry> LoadIndexEntries(long dataLength)
    {
        var bytes = new byte[_index.Length - _index.Length % IndexEntry.Size];
        RandomAccess.Read(_index.SafeFileHandle, bytes, 0);
        var entries = new List<IndexEntry>(bytes.Length / IndexEntry.Size);
        for (var i = 0; i + IndexEntry.Size <= bytes.Length; i += IndexEntry.Size)
        {
            var entry = new IndexEntry(
                BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i)),
                BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i + 8)),
                BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i + 16)));
            var ordered = entries.Count == 0
                ? entry.Position == BasePosition && entry.Offset == 0
                : entry.Position > entries[^1].Position && entry.Offset > entries[^1].Offset;
            if (!ordered || entry.Offset >= dataLength) break;
            entries.Add(entry);
        }
        return entries;
    }

    private void RewriteIndexFile()
    {
        var entries = Index.ToArray();
        var bytes = new byte[entries.Length * IndexEntry.Size];
        for (var i = 0; i < entries.Length; i++)
        {
            var slot = bytes.AsSpan(i * IndexEntry.Size);
            BinaryPrimitives.WriteInt64LittleEndian(slot, entries[i].Position);
            BinaryPrimitives.WriteInt64LittleEndian(slot[8..], entries[i].Offset);
            BinaryPrimitives.WriteInt64LittleEndian(slot[16..], entries[i].ArrivalMs);
        }
        _index.SetLength(0);
        RandomAccess.Write(_index.SafeFileHandle, bytes, 0);
    }
}
