using System.Text.Json;
using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>
/// Every table under &lt;data&gt;/tables/&lt;name&gt;/: table.json (schema, replaced atomically) and items.db.
/// Opening imports an older engine's items.log once; tables are created and deleted at once (no CREATING / DELETING phase).
/// </summary>
public sealed class TableStore : IDisposable
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly string _root;

    private TableStore(string root) => _root = root;

    public static TableStore Open(string dataDirectory, Action<string>? warn = null)
    {
        var store = new TableStore(Path.Combine(dataDirectory, "tables"));
        Directory.CreateDirectory(store._root);
        foreach (var folder in Directory.GetDirectories(store._root))
        {
            var schemaFile = Path.Combine(folder, SchemaFile);
            if (!File.Exists(schemaFile)) continue; // a CreateTable cut short before its schema landed: no table
            var schema = JsonSerializer.Deserialize(File.ReadAllBytes(schemaFile), StorageJson.Default.TableSchema)
                ?? throw new InvalidDataException($"{schemaFile} is empty");
            store._tables[schema.Name] = Table.Open(schema, folder, warn ?? (_ => { }));
        }
        return store;
    }

    private const string SchemaFile = "table.json";

    public IReadOnlyList<string> Names
    {
        get { lock (_tables) return [.. _tables.Keys.Order(StringComparer.Ordinal)]; }
    }

    public Table Get(string name)
    {
        lock (_tables)
            return _tables.TryGetValue(name, out var table) ? table : throw DynamoDbException.ResourceNotFound("Requested resource not found");
    }

    public Table? Find(string name)
    {
        lock (_tables) return _tables.GetValueOrDefault(name);
    }

    public Table Create(TableSchema schema)
    {
        lock (_tables)
        {
            if (_tables.ContainsKey(schema.Name)) throw DynamoDbException.ResourceInUse($"Table already exists: {schema.Name}");
            var folder = Path.Combine(_root, schema.Name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); // leftovers of a cut-short create
            Directory.CreateDirectory(folder);
            var table = Table.Create(schema, folder);
            WriteSchema(folder, schema);
            _tables[schema.Name] = table;
            return table;
        }
    }

    public void Update(Table table, TableSchema schema)
    {
        lock (table.Gate)
        {
            WriteSchema(table.Folder, schema);
            table.Schema = schema;
        }
    }

    public Table Delete(string name)
    {
        lock (_tables)
        {
            var table = Get(name);
            _tables.Remove(name);
            lock (table.Gate)
            {
                table.Dispose();
                File.Delete(Path.Combine(table.Folder, SchemaFile)); // first: a crash mid-delete leaves no half table
                Directory.Delete(table.Folder, recursive: true);
            }
            return table;
        }
    }

    public void SyncAll()
    {
        foreach (var table in Snapshot())
            lock (table.Gate) table.Sync();
    }

    private static void WriteSchema(string folder, TableSchema schema)
    {
        var path = Path.Combine(folder, SchemaFile);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, schema, StorageJson.Default.TableSchema);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private List<Table> Snapshot()
    {
        lock (_tables) return [.. _tables.Values];
    }

    public void Dispose()
    {
        foreach (var table in Snapshot())
            lock (table.Gate) table.Dispose();
    }
}
