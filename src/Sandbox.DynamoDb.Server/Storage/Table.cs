using System.Buffers;
using System.Text.Json;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>An item read from the table: its key, its DynamoDB size and its attributes.</summary>
public sealed record StoredItem(ItemKey Key, int Size, Dictionary<string, AttributeValue> Item);

/// <summary>A new version of an item (or null: delete) for one key.</summary>
public readonly record struct Change(ItemKey Key, Dictionary<string, AttributeValue>? Item);

/// <summary>
/// One table: its items on disk in key order (partition value, then sort key; <see cref="ItemFile"/>),
/// its exact item count and size in memory. Callers hold <see cref="Gate"/> around every call, and
/// around read-check-write sequences (conditions, updates) and consistent pages.
/// </summary>
public sealed class Table : IDisposable
{
    // Changes per transaction while importing an items.log: bounds the WAL, not the result.
    private const int ImportBatch = 10_000;

    private readonly ItemFile _file;
    private readonly ArrayBufferWriter<byte> _json = new();
    private long _itemCount;

    private Table(TableSchema schema, string folder, ItemFile file)
    {
        Schema = schema;
        Folder = folder;
        _file = file;
        (_itemCount, var bytes) = file.Totals();
        SizeBytes = bytes;
    }

    public object Gate { get; } = new();
    public TableSchema Schema { get; internal set; }
    public string Folder { get; }
    public long ItemCount { get { lock (Gate) return _itemCount; } }
    public long SizeBytes { get; private set; }
    internal long FileBytes => _file.FileBytes;

    internal static Table Create(TableSchema schema, string folder) => new(schema, folder, ItemFile.Open(folder));

    /// <summary>Opens a table's items.db; an items.log left by an older engine is imported into it first, then removed.</summary>
    internal static Table Open(TableSchema schema, string folder, Action<string> warn)
    {
        var table = new Table(schema, folder, ItemFile.Open(folder));
        var log = Path.Combine(folder, LegacyLog.FileName);
        if (!File.Exists(log)) return table;
        // Replaying the whole log again after a crash mid-import ends in the same items: the last version of each key wins.
        warn($"{log}: importing {new FileInfo(log).Length / (1024 * 1024)} MiB of an older engine's log into {ItemFile.FileName} before listening (once; ~35 us of CPU per write)");
        long frames = 0;
        foreach (var batch in LegacyLog.Replay(folder, schema, warn).Chunk(ImportBatch))
        {
            // In key order (stable: a key's later writes stay later), each B-tree page is visited once per batch.
            table.Apply([.. batch.Select(change => (Key: KeyEncoding.Of(change.Key), Change: change)).OrderBy(c => c.Key, ByteOrder.Instance).Select(c => c.Change)]);
            frames += batch.Length;
        }
        table.Sync();
        File.Delete(log);
        File.Delete(log + ".compact");
        warn($"{log}: imported {frames} writes into {ItemFile.FileName} ({table._itemCount} items); the log is removed");
        return table;
    }

    public StoredItem? Find(ItemKey key) =>
        _file.Get(KeyEncoding.Of(key)) is var (size, json) ? new StoredItem(key, size, Parse(json)) : null;

    public Dictionary<string, AttributeValue>? Get(ItemKey key) => Find(key)?.Item;

    /// <summary>Items between two keys (inclusive; null = open end), in key order or reversed, read lazily.</summary>
    public IEnumerable<StoredItem> Walk(ItemKey? from, ItemKey? to, bool descending) =>
        _file.Range(from is { } f ? KeyEncoding.Of(f) : null, to is { } t ? KeyEncoding.Of(t) : null, descending)
            .Select(row =>
            {
                var item = Parse(row.Item);
                return new StoredItem(Schema.KeyOfItem(item), row.Size, item);
            });

    /// <summary>Applies puts and deletes as one transaction; committed (in the OS, surviving kill -9) when this returns.</summary>
    public void Apply(IReadOnlyList<Change> changes)
    {
        var count = _itemCount;
        var bytes = SizeBytes;
        _file.InTransaction(() =>
        {
            foreach (var change in changes)
            {
                var key = KeyEncoding.Of(change.Key);
                var old = _file.SizeOf(key);
                if (old is { } oldSize)
                {
                    count--;
                    bytes -= oldSize;
                }
                if (change.Item is { } item)
                {
                    var size = ItemSize.Of(item);
                    _file.Upsert(key, size, Serialize(item));
                    count++;
                    bytes += size;
                }
                else if (old is not null) _file.Delete(key);
            }
            _file.SetTotals(count, bytes);
        });
        _itemCount = count;
        SizeBytes = bytes;
    }

    /// <summary>Group commit: makes every committed write durable against a power loss.</summary>
    public void Sync() => _file.Checkpoint();

    private byte[] Serialize(Dictionary<string, AttributeValue> item)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json, ServerJson.WriterOptions)) AttributeValueJson.WriteMap(writer, item);
        return _json.WrittenSpan.ToArray();
    }

    private static Dictionary<string, AttributeValue> Parse(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return AttributeValueJson.ReadMap(ref reader);
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>memcmp order of byte arrays.</summary>
internal sealed class ByteOrder : IComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
