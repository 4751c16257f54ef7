using Sandbox.Core.IO;

namespace Sandbox.Aws.Reads;

/// <summary>
/// Passes a stream through, counting its bytes and keeping the last four: what a streaming reader
/// needs, once at the end, to hold a gzip body against its trailer (<see cref="GzipTrailer"/>).
/// </summary>
public sealed class TallyingStream(Stream inner) : ForwardOnlyReadStream
{
    private readonly byte[] _lastFour = new byte[4];

    public long Count { get; private set; }

    /// <summary>The last four bytes read; meaningful once <see cref="Count"/> is 4 or more.</summary>
    public ReadOnlySpan<byte> LastFour => _lastFour;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> read)
    {
        if (read.Length >= 4) read[^4..].CopyTo(_lastFour);
        else if (read.Length > 0)
        {
            // Shift the kept bytes left and append the few new ones.
            _lastFour.AsSpan(read.Length).CopyTo(_lastFour);
            read.CopyTo(_lastFour.AsSpan(4 - read.Length));
        }
        Count += read.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
