using System.Buffers;
using System.Text;

namespace Sandbox.Redshift.Protocol;

/// <summary>Reads the fields of one message body (after the header): strings are NUL-terminated UTF-8.</summary>
internal ref struct MessageBody(ReadOnlySequence<byte> body)
{
    private SequenceReader<byte> _reader = new(body);

    public string ReadCString()
    {
        if (!_reader.TryReadTo(out ReadOnlySequence<byte> text, 0))
            throw new WireProtocolException("a string field is not NUL-terminated");
        return Encoding.UTF8.GetString(text);
    }

    public byte ReadByte() =>
        _reader.TryRead(out var value) ? value : throw new WireProtocolException("a message ends before its fields do");

    public ReadOnlySequence<byte> Rest => _reader.UnreadSequence;
}
