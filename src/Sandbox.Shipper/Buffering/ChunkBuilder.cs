using System.Buffers;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Buffering;

/// <summary>
/// Collects accepted lines, and the read positions they move, until the chunk is sealed. Bodies
/// come from a pool and go back once Kinesis stored the chunk: a fresh megabyte per chunk would
/// land on the large-object heap and force full collections.
/// </summary>
internal sealed class ChunkBuilder(int limitBytes, TimeProvider time)
{
    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(maxArrayLength: 64 << 20, maxArraysPerBucket: 256);
    private byte[]? _body;
    private int _length;
    private readonly List<int> _starts = [];
    private readonly List<int> _lengths = [];
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, FilePosition> _positions = new(StringComparer.Ordinal);
    private long _firstLineAt = -1;

    public int Count => _keys.Count;
    public int Bytes => _length;
    public bool HasPositions => _positions.Count > 0;
    public bool IsFull => _length >= limitBytes;

    public bool IsOlderThan(TimeSpan age) =>
        _firstLineAt >= 0 && time.GetElapsedTime(_firstLineAt) >= age;

    public void Add(ReadOnlySpan<byte> line, string key)
    {
        EnsureRoom(line.Length + 1);
        line.CopyTo(_body!.AsSpan(_length));
        _starts.Add(_length);
        _lengths.Add(line.Length);
        _keys.Add(key);
        _length += line.Length;
        _body![_length++] = (byte)'\n';
        if (_firstLineAt < 0) _firstLineAt = time.GetTimestamp();
    }

    /// <summary>Reading of <paramref name="path"/> moved past a line (kept or rejected).</summary>
    public void Advance(string path, FilePosition position)
    {
        _positions[path] = position;
        if (_firstLineAt < 0) _firstLineAt = time.GetTimestamp();
    }

    public Chunk Seal(long sequence)
    {
        var chunk = new Chunk(sequence, _body ?? [], _length, [.. _starts], [.. _lengths], [.. _keys],
            new Dictionary<string, FilePosition>(_positions, StringComparer.Ordinal), _body is null ? null : _pool);
        _body = null;
        _length = 0;
        _starts.Clear();
        _lengths.Clear();
        _keys.Clear();
        _positions.Clear();
        _firstLineAt = -1;
        return chunk;
    }

    /// <summary>Positions reached by rejected lines alone, when there are no records to seal.</summary>
    public IReadOnlyDictionary<string, FilePosition> TakePositions()
    {
        var reached = new Dictionary<string, FilePosition>(_positions, StringComparer.Ordinal);
        _positions.Clear();
        _firstLineAt = -1;
        return reached;
    }

    private void EnsureRoom(int bytes)
    {
        if (_body is not null && _length + bytes <= _body.Length) return;
        var larger = _pool.Rent(Math.Max(limitBytes + (1 << 16), _length + bytes));
        if (_body is not null)
        {
            _body.AsSpan(0, _length).CopyTo(larger);
            _pool.Return(_body);
        }
        _body = larger;
    }
}
