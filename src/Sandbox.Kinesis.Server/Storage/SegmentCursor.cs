using System.Buffers;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// Reads frames forward from a file offset in chunks. With retainBuffers, every chunk a returned
/// record points into is kept alive until the cursor's buffers are detached or disposed.
/// </summary>
internal sealed class SegmentCursor(Segment segment, long offset, long end, bool retainBuffers) : IDisposable
{
    private const int FirstChunk = 64 * 1024;
    private const int LaterChunk = 1024 * 1024;

    private readonly List<byte[]> _retained = [];
    private byte[]? _buffer;
    private long _bufferOffset;
    private int _bufferLength;
    private long _next = offset;

    public long NextOffset => _next;

    public bool TryNext(bool validate, out StoredRecord record, out long frameOffset, out int frameLength)
    {
        record = default;
        frameOffset = _next;
        frameLength = 0;
        if (_next + RecordFrame.HeaderSize > end || !EnsureBuffered(_next, RecordFrame.HeaderSize)) return false;
        var length = RecordFrame.FrameLength(_buffer.AsSpan((int)(_next - _bufferOffset), RecordFrame.HeaderSize));
        if (length < 0 || _next + length > end || !EnsureBuffered(_next, length)) return false;
        var relative = (int)(_next - _bufferOffset);
        if (validate && !RecordFrame.ChecksumMatches(_buffer.AsSpan(relative, length))) return false;
        record = RecordFrame.Decode(_buffer!, relative, length);
        frameLength = length;
        _next += length;
        return true;
    }

    /// <summary>Hands the buffers that hold returned records to the caller (who returns them to the pool).</summary>
    public List<byte[]> DetachBuffers()
    {
        var buffers = new List<byte[]>(_retained);
        if (_buffer is not null) buffers.Add(_buffer);
        _retained.Clear();
        _buffer = null;
        _bufferLength = 0;
        return buffers;
    }

    public void Dispose()
    {
        foreach (var buffer in DetachBuffers()) ArrayPool<byte>.Shared.Return(buffer);
    }

    private bool EnsureBuffered(long at, int length)
    {
        if (_buffer is not null && at >= _bufferOffset && at + length <= _bufferOffset + _bufferLength) return true;
        var chunk = Math.Max(_buffer is null ? FirstChunk : LaterChunk, length);
        var toRead = (int)Math.Min(chunk, end - at);
        if (toRead < length) return false;
        if (_buffer is not null && (retainBuffers || _buffer.Length < chunk))
        {
            if (retainBuffers) _retained.Add(_buffer);
            else ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        _buffer ??= ArrayPool<byte>.Shared.Rent(chunk);
        var read = 0;
        while (read < toRead)
        {
            var n = segment.Read(_buffer.AsSpan(read, toRead - read), at + read);
            if (n == 0) break;
            read += n;
        }
        _bufferOffset = at;
        _bufferLength = read;
        return read >= length;
    }
}
