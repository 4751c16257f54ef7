using System.Collections.Concurrent;

namespace Sandbox.Warehouse.Loading;

/// <summary>Where encoded binary COPY rows go: straight into a COPY, or through a <see cref="RowPipe"/> to one.</summary>
internal interface IRowSink
{
    /// <summary>Takes one or more whole encoded rows; the span is only read during the call.</summary>
    void Write(ReadOnlySpan<byte> rows);
}

/// <summary>
/// Hands encoded rows from the thread that reads and checks lines to the thread that writes the COPY,
/// in chunks of bytes, so JSON work and socket writes use two cores while the server backend inserts.
/// Chunks are recycled: the pipe allocates a handful of buffers, not one per chunk.
/// </summary>
internal sealed class RowPipe : IRowSink, IDisposable
{
    // Under the large-object heap threshold.
    private const int ChunkSize = 64 * 1024;
    private const int Chunks = 16;
    private readonly BlockingCollection<(byte[] Bytes, int Length)> _full = new(boundedCapacity: Chunks);
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly CancellationTokenSource _writerFailed = new();
    private byte[] _current = new byte[ChunkSize];
    private int _length;

    public void Write(ReadOnlySpan<byte> rows)
    {
        if (_length + rows.Length > _current.Length)
        {
            Flush();
            // A row larger than a chunk travels in a chunk of its own size.
            if (rows.Length > _current.Length) _current = new byte[rows.Length];
        }
        rows.CopyTo(_current.AsSpan(_length));
        _length += rows.Length;
    }

    /// <summary>Runs the writing side until <see cref="Complete"/>; on failure, unblocks the reading side.</summary>
    public Task DrainIntoAsync(IRowSink copy, CancellationToken ct) => Task.Run(() =>
    {
        try
        {
            foreach (var (bytes, length) in _full.GetConsumingEnumerable(ct))
            {
                copy.Write(bytes.AsSpan(0, length));
                _free.Enqueue(bytes);
            }
        }
        catch
        {
            _writerFailed.Cancel();
            throw;
        }
    }, ct);

    public void Complete()
    {
        try
        {
            Flush();
        }
        catch (OperationCanceledException) when (_writerFailed.IsCancellationRequested)
        {
            // The writer failed; awaiting it reports why.
        }
        _full.CompleteAdding();
    }

    private void Flush()
    {
        if (_length == 0) return;
        // Throws OperationCanceledException if the writer died: the caller then awaits the writer's real error.
        _full.Add((_current, _length), _writerFailed.Token);
        _current = _free.TryDequeue(out var recycled) ? recycled : new byte[ChunkSize];
        _length = 0;
    }

    public void Dispose()
    {
        _full.Dispose();
        _writerFailed.Dispose();
    }
}

/// <summary>Rows encoded and dropped: a check that must do all of a load's work except writing (NOLOAD).</summary>
internal sealed class DiscardedRows : IRowSink
{
    public static readonly DiscardedRows Instance = new();

    public void Write(ReadOnlySpan<byte> rows) { }
}
