using System.Buffers;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Buffering;

/// <summary>
/// A sealed run of records, like a fluentd buffer chunk: the lines (each followed by '\n' in
/// <see cref="Body"/>), their partition keys, and the read positions reached once they were taken.
/// </summary>
public sealed class Chunk
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private ArrayPool<byte>? _pool;

    internal Chunk(long sequence, byte[] body, int bodyLength, int[] starts, int[] lengths, string[] keys,
        IReadOnlyDictionary<string, FilePosition> positions, ArrayPool<byte>? pool = null)
    {
        _pool = pool;
        Sequence = sequence;
        Body = body;
        BodyLength = bodyLength;
        _starts = starts;
        _lengths = lengths;
        Keys = keys;
        Positions = positions;
    }

    public long Sequence { get; }
    public byte[] Body { get; }
    public int BodyLength { get; }
    public int Count => Keys.Length;
    public string[] Keys { get; }

    /// <summary>Per file path, where reading stands once this chunk's lines are taken.</summary>
    public IReadOnlyDictionary<string, FilePosition> Positions { get; }

    public ReadOnlyMemory<byte> Data(int index) => Body.AsMemory(_starts[index], _lengths[index]);

    /// <summary>Gives a pooled body back once the chunk is stored and deleted; the chunk must not be read after.</summary>
    internal void ReturnBody()
    {
        _pool?.Return(Body);
        _pool = null;
    }

    /// <summary>Data plus partition key bytes: what Kinesis counts against its 1 MiB and 5 MiB limits.</summary>
    public int QuotaSize(int index) => _lengths[index] + System.Text.Encoding.UTF8.GetByteCount(Keys[index]);
}
