using System.Collections.Concurrent;

namespace Sandbox.Warehouse.Loading;

/// <summary>Where checked rows go: straight into a COPY, or through a <see cref="RowPipe"/> to one.</summary>
internal interface IRowSink
{
    void Write(in EventRow row);
}

/// <summary>
/// Hands rows from the thread that reads and checks lines to the thread that writes the COPY, in
/// chunks, so JSON work and COPY framing use two cores while the server backend inserts.
/// </summary>
internal sealed class RowPipe : IRowSink, IDisposable
{
    // 512 rows of ~120 bytes stay under the large-object heap threshold.
    private const int ChunkSize = 512;
    private readonly BlockingCollection<(EventRow[] Rows, int Count)> _chunks = new(boundedCapacity: 16);
    private readonly CancellationTokenSource _writerFailed = new();
    private EventRow[] _current = new EventRow[ChunkSize];
    private int _count;

    public void Write(in EventRow row)
    {
        _current[_count++] = row;
        if (_count == ChunkSize) Flush();
    }

    /// <summary>Runs the writing side until <see cref="Complete"/>; on failure, unblocks the reading side.</summary>
    public Task DrainIntoAsync(IRowSink copy, CancellationToken ct) => Task.Run(() =>
    {
        try
        {
            foreach (var (rows, count) in _chunks.GetConsumingEnumerable(ct))
            {
                for (var i = 0; i < count; i++) copy.Write(rows[i]);
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
        _chunks.CompleteAdding();
    }

    private void Flush()
    {
        if (_count == 0) return;
        // Throws OperationCanceledException if the writer died: the caller then awaits the writer's real error.
        _chunks.Add((_current, _count), _writerFailed.Token);
        _current = new EventRow[ChunkSize];
        _count = 0;
    }

    public void Dispose()
    {
        _chunks.Dispose();
        _writerFailed.Dispose();
    }
}
