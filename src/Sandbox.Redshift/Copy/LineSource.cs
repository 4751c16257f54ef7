using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Sandbox.Redshift.Copy;

/// <summary>
/// Lines of one S3 object, read in blocks (memory stays flat whatever the object's size): a line ends at
/// '\n', a trailing '\r' is dropped. Invalid UTF-8 is replaced by the ACCEPTINVCHARS character or reported.
/// </summary>
internal sealed class LineSource(Stream stream, string? acceptInvChars) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
    private int _start, _end;
    private bool _eof;

    public long LineNumber { get; private set; }

    /// <returns>The next line's text, or null at the end; <paramref name="invalidUtf8"/> set when it was not UTF-8 and ACCEPTINVCHARS is off.</returns>
    public string? ReadLine(out bool invalidUtf8)
    {
        invalidUtf8 = false;
        return TryReadLine(out var line) ? Decode(line, out invalidUtf8) : null;
    }

    /// <summary>The next line's bytes, valid until the next read (no string made: the binary path reads bytes).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0 || (_eof && _end > _start))
            {
                var stop = newline >= 0 ? newline : _end;
                line = _buffer.AsSpan(_start, stop - _start);
                if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
                _start = newline >= 0 ? newline + 1 : _end;
                LineNumber++;
                return true;
            }
            if (_eof) { line = default; return false; }
            Fill();
        }
    }

    /// <summary>A line as text: invalid UTF-8 replaced by the ACCEPTINVCHARS character, or reported in <paramref name="invalid"/>.</summary>
    public string Decode(ReadOnlySpan<byte> line, out bool invalid)
    {
        invalid = !Utf8.IsValid(line) || line.Contains((byte)0);
        if (!invalid) return Encoding.UTF8.GetString(line);
        var text = Encoding.UTF8.GetString(line).Replace('\0', '\uFFFD');
        if (acceptInvChars is null) return text; // the caller rejects the line; the text is for stl_load_errors
        invalid = false;
        return text.Replace("\uFFFD", acceptInvChars);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        stream.Dispose();
    }
}
