using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Sandbox.Redshift.Protocol;

/// <summary>Decodes a DataRow body (text format) — only for the front's own small catalog probes.</summary>
internal static class DataRows
{
    public static string?[] Read(in ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        if (!reader.TryReadBigEndian(out short count)) throw new WireProtocolException("a DataRow ends before its column count");
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadBigEndian(out int length)) throw new WireProtocolException("a DataRow ends before a column length");
            if (length < 0) continue;
            if (reader.Remaining < length) throw new WireProtocolException("a DataRow ends inside a column value");
            values[i] = Encoding.UTF8.GetString(reader.UnreadSequence.Slice(0, length));
            reader.Advance(length);
        }
        return values;
    }
}
