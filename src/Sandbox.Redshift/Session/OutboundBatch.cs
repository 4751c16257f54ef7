using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Sandbox.Redshift.Session;

/// <summary>
/// Bytes bound for one socket, gathered while a read buffer is scanned and sent in one gather-write:
/// relayed messages are referenced in the reader's buffer (no copy), messages the front writes itself
/// are appended between them. Must be flushed before the reader's buffer is advanced past them.
/// </summary>
internal sealed class OutboundBatch(Socket socket)
{
    private readonly List<ArraySegment<byte>> _segments = new(16);

    public bool IsEmpty => _segments.Count == 0;

    public void Add(in ReadOnlySequence<byte> bytes)
    {
        foreach (var memory in bytes)
        {
            if (memory.IsEmpty) continue;
            if (!MemoryMarshal.TryGetArray(memory, out var segment)) segment = memory.ToArray();
            Append(segment);
        }
    }

    public void Add(byte[] bytes) => Append(bytes);

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_segments.Count == 0) return;
        try
        {
            if (_segments.Count == 1) await SendAllAsync(_segments[0], cancellationToken);
            else await SendGatheredAsync(cancellationToken);
        }
        finally
        {
            _segments.Clear();
        }
    }

    // Adjacent slices of one buffer become one segment: fewer iovecs for runs of small messages.
    private void Append(ArraySegment<byte> segment)
    {
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            if (ReferenceEquals(last.Array, segment.Array) && last.Offset + last.Count == segment.Offset)
            {
                _segments[^1] = new ArraySegment<byte>(last.Array!, last.Offset, last.Count + segment.Count);
                return;
            }
        }
        _segments.Add(segment);
    }

    private async ValueTask SendGatheredAsync(CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var segment in _segments) total += segment.Count;
        var sent = await socket.SendAsync(_segments, SocketFlags.None);
        if (sent == total) return;
        // A short gather-write (rare): send what is left segment by segment.
        foreach (var segment in _segments)
        {
            if (sent >= segment.Count) { sent -= segment.Count; continue; }
            await SendAllAsync(segment[(int)sent..], cancellationToken);
            sent = 0;
        }
    }

    private async ValueTask SendAllAsync(ArraySegment<byte> bytes, CancellationToken cancellationToken)
    {
        var memory = bytes.AsMemory();
        while (!memory.IsEmpty)
        {
            var sent = await socket.SendAsync(memory, SocketFlags.None, cancellationToken);
            if (sent <= 0) throw new IOException("the peer stopped accepting data");
            memory = memory[sent..];
        }
    }
}
