using Microsoft.Data.Sqlite;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>
/// A table's items.db: SQLite in WAL mode, one row per item (encoded key, DynamoDB size, item as
/// DynamoDB JSON) in a WITHOUT ROWID B-tree ordered by the key, plus the exact item count and size.
/// Its page cache is bounded, so memory does not grow with the number of items. Not thread-safe: the
/// table's gate serializes every call.
/// </summary>
internal sealed class ItemFile : IDisposable
{
    public const string FileName = "items.db";
    // SQLite's page cache for this table, in KiB (negative cache_size): the bound on its memory.
    private const int CacheKibibytes = 8 * 1024;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _size, _get, _upsert, _delete, _totals, _begin, _commit, _rollback;
    private readonly Dictionary<(bool, bool, bool), SqliteCommand> _ranges = [];
    private bool _dirty, _disposed;

    private ItemFile(SqliteConnection connection)
    {
        _connection = connection;
        _size = Command("SELECT size FROM items WHERE k = $k", "$k");
        _get = Command("SELECT size, item FROM items WHERE k = $k", "$k");
        _upsert = Command("INSERT OR REPLACE INTO items (k, size, item) VALUES ($k, $size, $item)", "$k", "$size", "$item");
        _delete = Command("DELETE FROM items WHERE k = $k", "$k");
        _totals = Command("UPDATE totals SET item_count = $count, size_bytes = $bytes", "$count", "$bytes");
        // Plain BEGIN / COMMIT statements, prepared once: the prepared item commands need no transaction object.
        _begin = Command("BEGIN");
        _commit = Command("COMMIT");
        _rollback = Command("ROLLBACK");
    }

    /// <summary>Opens (or creates) the folder's items.db; a file SQLite cannot use is an <see cref="InvalidDataException"/> naming it.</summary>
    public static ItemFile Open(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var file = new ItemFile(connection);
            // NORMAL in WAL mode: a commit is in the OS at once (survives kill -9); the WAL is fsynced at each checkpoint (Sync).
            file.Execute($"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -{CacheKibibytes};
                PRAGMA journal_size_limit = {64 * 1024 * 1024};
                CREATE TABLE IF NOT EXISTS items (k BLOB PRIMARY KEY, size INTEGER NOT NULL, item BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS totals (item_count INTEGER NOT NULL, size_bytes INTEGER NOT NULL);
                INSERT INTO totals SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM totals);
                """);
            return file;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public (long Count, long Bytes) Totals()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT item_count, size_bytes FROM totals";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Runs <paramref name="body"/> as one transaction: all of it is committed, or none (and the exception goes on).</summary>
    public void InTransaction(Action body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _begin.ExecuteNonQuery();
        _dirty = true;
        try
        {
            body();
            _commit.ExecuteNonQuery();
        }
        catch
        {
            _rollback.ExecuteNonQuery();
            throw;
        }
    }

    /// <summary>The stored DynamoDB size of the item with this key, or null.</summary>
    public int? SizeOf(byte[] key)
    {
        _size.Parameters[0].Value = key;
        return _size.ExecuteScalar() is long size ? (int)size : null;
    }

    public (int Size, byte[] Item)? Get(byte[] key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _get.Parameters[0].Value = key;
        using var reader = _get.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), (byte[])reader.GetValue(1)) : null;
    }

    public void Upsert(byte[] key, int size, byte[] item)
    {
        _upsert.Parameters[0].Value = key;
        _upsert.Parameters[1].Value = size;
        _upsert.Parameters[2].Value = item;
        _upsert.ExecuteNonQuery();
    }

    public void Delete(byte[] key)
    {
        _delete.Parameters[0].Value = key;
        _delete.ExecuteNonQuery();
    }

    public void SetTotals(long count, long bytes)
    {
        _totals.Parameters[0].Value = count;
        _totals.Parameters[1].Value = bytes;
        _totals.ExecuteNonQuery();
    }

    /// <summary>(size, item) rows with keys between two bounds (inclusive; null = open end), read lazily in key order or reversed.</summary>
    public IEnumerable<(int Size, byte[] Item)> Range(byte[]? from, byte[]? to, bool descending)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var shape = (from is not null, to is not null, descending);
        if (!_ranges.TryGetValue(shape, out var command))
        {
            var where = string.Join(" AND ", new[] { from is null ? null : "k >= $from", to is null ? null : "k <= $to" }.OfType<string>());
            command = _ranges[shape] = Command($"SELECT size, item FROM items {(where.Length == 0 ? "" : "WHERE " + where)} ORDER BY k {(descending ? "DESC" : "ASC")}");
            if (from is not null) command.Parameters.Add("$from", SqliteType.Blob);
            if (to is not null) command.Parameters.Add("$to", SqliteType.Blob);
        }
        if (from is not null) command.Parameters["$from"].Value = from;
        if (to is not null) command.Parameters["$to"].Value = to;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetInt32(0), (byte[])reader.GetValue(1));
    }

    /// <summary>Group commit: fsyncs the WAL and copies it into the database (a no-op when nothing was written since).</summary>
    public void Checkpoint()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_dirty) return;
        _dirty = false;
        Execute("PRAGMA wal_checkpoint(PASSIVE)");
    }

    public long FileBytes => new[] { FileName, FileName + "-wal" }
        .Select(name => new FileInfo(Path.Combine(Path.GetDirectoryName(_connection.DataSource)!, name)))
        .Sum(file => file.Exists ? file.Length : 0);

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        foreach (var command in _ranges.Values.Concat([_size, _get, _upsert, _delete, _totals, _begin, _commit, _rollback])) command.Dispose();
        _connection.Dispose();
    }
}
