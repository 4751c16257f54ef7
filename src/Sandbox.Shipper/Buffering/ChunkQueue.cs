using System.Threading.Channels;

namespace Sandbox.Shipper.Buffering;

/// <summary>
/// Sealed chunks waiting for a sender, bounded by total bytes like fluentd's total_limit_size:
/// once full, the reader blocks (overflow_action block) instead of growing memory without end.
/// A chunk counts until <see cref="Release"/>, i.e. until Kinesis stored it.
/// </summary>
internal sealed class ChunkQueue(long limitBytes)
{
    private readonly Channel<Chunk> _channel = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly SemaphoreSlim _space = new(0, 1);
    private readonly Lock _lock = new();
    private long _bytes;
    private int _chunks;

    public long Bytes { get { lock (_lock) return _bytes; } }
    public int Chunks { get { lock (_lock) return _chunks; } }

    /// <summary>Adds a chunk, first waiting (blocking the reader) while the buffer is over its limit.</summary>
    public void Add(Chunk chunk, CancellationToken cancellationToken, bool ignoreLimit = false)
    {
        while (!ignoreLimit)
        {
            lock (_lock)
                if (_bytes == 0 || _bytes + chunk.BodyLength <= limitBytes) break;
            _space.Wait(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        lock (_lock)
        {
            _bytes += chunk.BodyLength;
            _chunks++;
        }
        if (!_channel.Writer.TryWrite(chunk)) throw new InvalidOperationException("the chunk queue is already completed");
    }

    /// <summary>No more chunks will come (--once reached the end of the files).</summary>
    public void Complete() => _channel.Writer.TryComplete();

    public IAsyncEnumerable<Chunk> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public void Release(Chunk chunk)
    {
        lock (_lock)
        {
            _bytes -= chunk.BodyLength;
            _chunks--;
        }
        chunk.ReturnBody();
        try
        {
            if (_space.CurrentCount == 0) _space.Release();
        }
        catch (SemaphoreFullException)
        {
            // another release already woke the reader
        }
    }
}
