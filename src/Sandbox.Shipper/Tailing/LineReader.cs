namespace Sandbox.Shipper.Tailing;

/// <summary>
/// Splits a stream into '\n'-terminated lines with one reusable buffer (no per-line allocation),
/// moving the file's offset past each line it hands over. Lines longer than
/// <see cref="MaxLineBytes"/> are handed over in pieces (each far over Kinesis' record limit, so
/// each is rejected and kept in the bad-lines file).
/// </summary>
internal sealed class LineReader
{
    public const int MaxLineBytes = 8 << 20;
    private byte[] _buffer = new byte[1 << 20];
    private int _leftover;

    /// <summary>Reads <paramref name="stream"/> (positioned at the file's offset) to its end.</summary>
    public void Drain(Stream stream, TailedFile file, ILineSink sink, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filled == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes) filled = Hand(file, sink, filled);
                else Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            _leftover = filled;
            var read = stream.Read(_buffer, filled, _buffer.Length - filled);
            if (read == 0) break;
            var scanFrom = filled;
            filled += read;
            var start = 0;
            while (true)
            {
                var newline = _buffer.AsSpan(scanFrom, filled - scanFrom).IndexOf((byte)'\n');
                if (newline < 0) break;
                var end = scanFrom + newline;
                file.Offset += end + 1 - start;
                sink.Take(file, _buffer.AsSpan(start, end - start), file.Offset);
                start = scanFrom = end + 1;
            }
            if (start > 0)
            {
                _buffer.AsSpan(start, filled - start).CopyTo(_buffer);
                filled -= start;
            }
        }
        _leftover = filled;
    }

    /// <summary>After <see cref="Drain"/>: takes a last line that has no '\n' (its file is known to be complete).</summary>
    public void TakeLeftover(TailedFile file, ILineSink sink)
    {
        if (_leftover > 0) Hand(file, sink, _leftover);
        _leftover = 0;
    }

    private int Hand(TailedFile file, ILineSink sink, int length)
    {
        file.Offset += length;
        sink.Take(file, _buffer.AsSpan(0, length), file.Offset);
        return 0;
    }
}
