namespace Sandbox.Warehouse.Loading;

/// <summary>
/// Splits a stream of JSON lines without decoding it: each line is handed out as a span over an
/// internal buffer (valid until the next call). Handles \n and \r\n; a last line needs no newline.
/// </summary>
internal sealed class LineReader(Stream stream, int bufferSize = 1 << 16)
{
    private byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, length));
                _start += length + 1;
                return true;
            }
            scanned = _end - _start;
            if (_eof)
            {
                line = TrimCarriageReturn(_buffer.AsSpan(_start, scanned));
                _start = _end;
                return scanned > 0;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the partial line, drop what was already handed out.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
