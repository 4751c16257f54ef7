using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>
/// A table's append-only log: frames [payload length u32][crc32 u32][payload], payload = op byte
/// (1 put, 2 delete) + the item (or key) as DynamoDB JSON. Items live only here; the index keeps offsets.
/// A write is one pwrite (in the OS before the call returns); fsync is the caller's group commit.
/// </summary>
internal sealed class TableLog : IDisposable
{
    public const byte Put = 1, Delete = 2;
    public const int HeaderBytes = 8;
    private const string FileName = "items.log";

    private readonly string _folder;
    private SafeFileHandle _file;
    private bool _dirty;

    private TableLog(string folder, SafeFileHandle file, long length)
    {
        _folder = folder;
        _file = file;
        Length = length;
    }

    public long Length { get; private set; }

    public static TableLog Create(string folder) =>
        new(folder, File.OpenHandle(Path.Combine(folder, FileName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read), 0);

    /// <summary>Opens the log and hands every intact frame to <paramref name="replay"/>; cuts a torn or corrupt tail.</summary>
    public static TableLog Open(string folder, Action<byte, long, ReadOnlyMemory<byte>> replay, Action<string> warn)
    {
        var path = Path.Combine(folder, FileName);
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        long offset = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20))
        {
            var header = new byte[HeaderBytes];
            while (offset + HeaderBytes <= length)
            {
                stream.ReadExactly(header);
                var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
                if (payloadLength == 0 || offset + HeaderBytes + payloadLength > length) break;
                var payload = new byte[payloadLength];
                stream.ReadExactly(payload);
                if (Crc32.HashToUInt32(payload) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) || payload[0] is not (Put or Delete)) break;
                replay(payload[0], offset, payload.AsMemory(1));
                offset += HeaderBytes + payloadLength;
            }
        }
        if (offset < length)
        {
            warn($"{path}: cut {length - offset} bytes of a torn or corrupt last write at offset {offset}");
            RandomAccess.SetLength(file, offset);
            RandomAccess.FlushToDisk(file);
        }
        return new TableLog(folder, file, offset);
    }

    /// <summary>Appends a frame to <paramref name="batch"/>; returns the frame's offset within the batch.</summary>
    public static int Frame(MemoryStream batch, byte op, Action<Utf8JsonWriter> body)
    {
        var start = (int)batch.Length;
        batch.Write(stackalloc byte[HeaderBytes]);
        batch.WriteByte(op);
        using (var writer = new Utf8JsonWriter(batch, ServerJson.WriterOptions)) body(writer);
        var buffer = batch.GetBuffer().AsSpan(start, (int)batch.Length - start);
        var payload = buffer[HeaderBytes..];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[4..], Crc32.HashToUInt32(payload));
        return start;
    }

    /// <summary>Writes a batch of frames at the end; returns the file offset it starts at.</summary>
    public long Append(ReadOnlySpan<byte> frames)
    {
        var at = Length;
        RandomAccess.Write(_file, frames, at);
        Length += frames.Length;
        _dirty = true;
        return at;
    }

    /// <summary>The item or key JSON of the frame at <paramref name="offset"/>, parsed.</summary>
    public Dictionary<string, AttributeValue> Read(long offset, int frameLength)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(frameLength);
        try
        {
            var span = buffer.AsSpan(0, frameLength);
            RandomAccess.Read(_file, span, offset);
            var reader = new Utf8JsonReader(span[(HeaderBytes + 1)..]);
            reader.Read();
            return AttributeValueJson.ReadMap(ref reader);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Sync()
    {
        if (!_dirty) return;
        _dirty = false;
        RandomAccess.FlushToDisk(_file);
    }

    /// <summary>
    /// Rewrites the log with only the live frames (read through <paramref name="frames"/>, in the index's order)
    /// and swaps it in atomically; <paramref name="moved"/> learns each frame's new offset.
    /// </summary>
    public void Compact(IEnumerable<(long Offset, int Length)> frames, Action<int, long> moved)
    {
        var path = Path.Combine(_folder, FileName);
        var temporary = path + ".compact";
        long written = 0;
        using (var target = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            var index = 0;
            foreach (var (offset, length) in frames)
            {
                if (buffer.Length < length) buffer = new byte[length];
                RandomAccess.Read(_file, buffer.AsSpan(0, length), offset);
                RandomAccess.Write(target, buffer.AsSpan(0, length), written);
                moved(index++, written);
                written += length;
            }
            RandomAccess.FlushToDisk(target);
        }
        File.Move(temporary, path, overwrite: true);
        _file.Dispose();
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        Length = written;
        _dirty = false;
    }

    public void Dispose()
    {
        Sync();
        _file.Dispose();
    }
}
