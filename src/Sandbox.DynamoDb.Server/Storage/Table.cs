using System.Text.Json;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>Where an item's latest version sits in the log, and its DynamoDB size.</summary>
public sealed class StoredItem(ItemKey key)
{
    public ItemKey Key { get; } = key;
    public long Offset { get; set; }
    public int FrameLength { get; set; }
    public int Size { get; set; }
}

/// <summary>A new version of an item (or null: delete) for one key.</summary>
public readonly record struct Change(ItemKey Key, Dictionary<string, AttributeValue>? Item);

/// <summary>
/// One table: an ordered index of keys (partition value, then sort key) over its log. Callers hold
/// <see cref="Gate"/> around read-check-write sequences (conditions, updates) and for consistent pages.
/// </summary>
public sealed class Table : IDisposable
{
    private readonly SortedSet<StoredItem> _items = new(Comparer<StoredItem>.Create((a, b) => ItemKeyComparer.Instance.Compare(a.Key, b.Key)));
    private readonly TableLog _log;
    private readonly long _compactAtBytes;
    private readonly MemoryStream _batch = new();
    private long _liveFrameBytes;

    private Table(TableSchema schema, string folder, TableLog? log, long compactAtBytes, Action<string> warn)
    {
        Schema = schema;
        Folder = folder;
        _compactAtBytes = compactAtBytes;
        _log = log ?? TableLog.Open(folder, Replay, warn);
    }

    public object Gate { get; } = new();
    public TableSchema Schema { get; internal set; }
    public string Folder { get; }
    public long ItemCount { get { lock (Gate) return _items.Count; } }
    public long SizeBytes { get; private set; }
    internal long LogBytes => _log.Length;

    internal static Table Create(TableSchema schema, string folder, long compactAtBytes) =>
        new(schema, folder, TableLog.Create(folder), compactAtBytes, _ => { });

    internal static Table Open(TableSchema schema, string folder, long compactAtBytes, Action<string> warn) =>
        new(schema, folder, null, compactAtBytes, warn);

    public StoredItem? Find(ItemKey key) => _items.TryGetValue(new StoredItem(key), out var found) ? found : null;

    public Dictionary<string, AttributeValue> Read(StoredItem stored) => _log.Read(stored.Offset, stored.FrameLength);

    public Dictionary<string, AttributeValue>? Get(ItemKey key) => Find(key) is { } stored ? Read(stored) : null;

    /// <summary>Items between two keys (inclusive; null = open end), in key order or reversed.</summary>
    public IEnumerable<StoredItem> Walk(ItemKey? from, ItemKey? to, bool descending)
    {
        if (_items.Count == 0) return [];
        var lower = from is { } f ? new StoredItem(f) : _items.Min!;
        var upper = to is { } t ? new StoredItem(t) : _items.Max!;
        if (_items.Comparer.Compare(lower, upper) > 0) return [];
        var view = _items.GetViewBetween(lower, upper);
        return descending ? view.Reverse() : view;
    }

    /// <summary>Applies puts and deletes with one write to the log; they are in the OS before this returns.</summary>
    public void Apply(IReadOnlyList<Change> changes)
    {
        _batch.SetLength(0);
        var starts = new int[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            starts[i] = change.Item is { } item
                ? TableLog.Frame(_batch, TableLog.Put, w => AttributeValueJson.WriteMap(w, item))
                : TableLog.Frame(_batch, TableLog.Delete, w => AttributeValueJson.WriteMap(w, Schema.KeyMap(change.Key)));
        }
        var at = _log.Append(_batch.GetBuffer().AsSpan(0, (int)_batch.Length));
        for (var i = 0; i < changes.Count; i++)
        {
            var end = i + 1 < changes.Count ? starts[i + 1] : (int)_batch.Length;
            Index(changes[i].Key, changes[i].Item is { } item ? ItemSize.Of(item) : -1, at + starts[i], end - starts[i]);
        }
        if (_log.Length > _compactAtBytes && _log.Length > 2 * _liveFrameBytes) Compact();
    }

    public void Sync() => _log.Sync();

    /// <summary>Rewrites the log with live items only (when most of it is overwritten or deleted versions).</summary>
    public void Compact()
    {
        var live = _items.ToList();
        _log.Compact(live.Select(s => (s.Offset, s.FrameLength)), (i, offset) => live[i].Offset = offset);
    }

    private void Replay(byte op, long offset, ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        reader.Read();
        var map = AttributeValueJson.ReadMap(ref reader);
        var frameLength = TableLog.HeaderBytes + 1 + json.Length;
        if (op == TableLog.Put) Index(Schema.KeyOfItem(map), ItemSize.Of(map), offset, frameLength);
        else Index(Schema.KeyOfKey(map), -1, offset, frameLength);
    }

    private void Index(ItemKey key, int size, long offset, int frameLength)
    {
        var probe = new StoredItem(key);
        if (_items.TryGetValue(probe, out var existing))
        {
            SizeBytes -= existing.Size;
            _liveFrameBytes -= existing.FrameLength;
            if (size < 0)
            {
                _items.Remove(existing);
                return;
            }
            probe = existing;
        }
        else if (size < 0) return;
        else _items.Add(probe);
        probe.Offset = offset;
        probe.FrameLength = frameLength;
        probe.Size = size;
        SizeBytes += size;
        _liveFrameBytes += frameLength;
    }

    public void Dispose() => _log.Dispose();
}
