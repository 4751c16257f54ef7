namespace Sandbox.Warehouse.Loading;

/// <summary>
/// The event_ids seen in one load, compared as exact UTF-8 bytes. The bytes live in a few large
/// blocks instead of one string per row: a load of millions of rows adds no per-row garbage.
/// </summary>
internal sealed class EventIdSet
{
    private const int BlockSize = 1 << 20;
    private readonly List<byte[]> _blocks = [];
    private readonly HashSet<long> _set;
    private readonly HashSet<long>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private int _blockUsed = BlockSize;

    public EventIdSet()
    {
        _set = new HashSet<long>(new Comparer(this));
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <returns>False when the id was added before.</returns>
    public bool Add(ReadOnlySpan<byte> id) => _lookup.Add(id);

    // An id is a long: block index (high 24 bits), offset (next 24), length (low 16).
    private long Store(ReadOnlySpan<byte> id)
    {
        if (id.Length > ushort.MaxValue) throw new ArgumentException($"an event_id of {id.Length} bytes is longer than the {ushort.MaxValue} supported");
        if (_blockUsed + id.Length > BlockSize)
        {
            _blocks.Add(new byte[BlockSize]);
            _blockUsed = 0;
        }
        id.CopyTo(_blocks[^1].AsSpan(_blockUsed));
        var reference = ((long)(_blocks.Count - 1) << 40) | ((long)_blockUsed << 16) | (long)id.Length;
        _blockUsed += id.Length;
        return reference;
    }

    private ReadOnlySpan<byte> Bytes(long reference) =>
        _blocks[(int)(reference >> 40)].AsSpan((int)((reference >> 16) & 0xFFFFFF), (int)(reference & 0xFFFF));

    private sealed class Comparer(EventIdSet ids) : IEqualityComparer<long>, IAlternateEqualityComparer<ReadOnlySpan<byte>, long>
    {
        public bool Equals(long x, long y) => ids.Bytes(x).SequenceEqual(ids.Bytes(y));
        public int GetHashCode(long reference) => GetHashCode(ids.Bytes(reference));
        public bool Equals(ReadOnlySpan<byte> alternate, long other) => alternate.SequenceEqual(ids.Bytes(other));
        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }
        public long Create(ReadOnlySpan<byte> alternate) => ids.Store(alternate);
    }
}
