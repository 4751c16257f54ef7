using System.Runtime.InteropServices;

namespace Sandbox.Load.Integrity;

/// <summary>
/// One side's id hashes (the day's, the warehouse's, the archive's...), appended to a file per bucket
/// of the <see cref="BucketLayout"/> in <paramref name="folder"/>: memory holds a small buffer per
/// bucket, not the side, however long the day. Thread-safe; <see cref="ReadBucket"/> after the adds.
/// </summary>
public sealed class HashSpill(string folder, string side, BucketLayout layout)
{
    /// <summary>Hashes a bucket buffers before an append to its file (4 KB).</summary>
    public const int BufferedPerBucket = 512;

    private readonly ulong[]?[] _buffers = new ulong[]?[layout.Count];
    private readonly int[] _buffered = new int[layout.Count];
    private long _count;
    private bool _folderMade;

    /// <summary>Hashes added (repeats included).</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Add(ulong hash)
    {
        var bucket = layout.BucketOf(hash);
        lock (_buffers)
        {
            var buffer = _buffers[bucket] ??= new ulong[BufferedPerBucket];
            buffer[_buffered[bucket]++] = hash;
            if (_buffered[bucket] == buffer.Length) Append(bucket);
            _count++;
        }
    }

    /// <summary>The bucket's hashes in the order added (repeats kept), buffered ones included.</summary>
    public ulong[] ReadBucket(int bucket)
    {
        lock (_buffers)
        {
            var file = FileOf(bucket);
            var onDisk = new FileInfo(file) is { Exists: true } info ? info.Length / sizeof(ulong) : 0;
            var hashes = new ulong[onDisk + _buffered[bucket]];
            if (onDisk > 0)
            {
                using var stream = File.OpenRead(file);
                stream.ReadExactly(MemoryMarshal.AsBytes(hashes.AsSpan(0, (int)onDisk)));
            }
            _buffers[bucket]?.AsSpan(0, _buffered[bucket]).CopyTo(hashes.AsSpan((int)onDisk));
            return hashes;
        }
    }

    private void Append(int bucket)
    {
        if (!_folderMade)
        {
            Directory.CreateDirectory(folder);
            _folderMade = true;
        }
        using var file = new FileStream(FileOf(bucket), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Write(MemoryMarshal.AsBytes(_buffers[bucket]!.AsSpan(0, _buffered[bucket])));
        _buffered[bucket] = 0;
    }

    private string FileOf(int bucket) => Path.Combine(folder, $"{side}-{bucket:D5}.u64");
}
