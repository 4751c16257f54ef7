using MySqlConnector;
using Npgsql;
using Sandbox.Sync.Source;

namespace Sandbox.Sync.Target;

/// <summary>Streams the source rows into one binary COPY; a value it cannot write stops it naming the row's key and the column.</summary>
public sealed class RowCopier(string tableName, IReadOnlyList<WarehouseType> types, IReadOnlyList<int> keyOrdinals)
{
    /// <returns>The rows copied.</returns>
    /// <param name="freeze">The table was created in this transaction: COPY FREEZE writes its rows frozen and all-visible, so the
    /// first query after a full load does not rewrite every page to set hint bits.</param>
    public async Task<long> CopyAsync(SourceRows rows, NpgsqlConnection connection, string into, CancellationToken cancellationToken, bool freeze = false)
    {
        var columns = string.Join(", ", rows.Columns.Select(c => c.Name));
        var reader = rows.Reader;
        var writers = types.Select(t => t.Write).ToArray();
        var count = 0L;
        await using (var importer = await connection.BeginBinaryImportAsync($"copy {into} ({columns}) from stdin (format binary{(freeze ? ", freeze" : "")})", cancellationToken))
        {
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                importer.StartRow();
                for (var i = 0; i < writers.Length; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        importer.WriteNull();
                        continue;
                    }
                    try
                    {
                        writers[i](reader, i, importer);
                    }
                    catch (Exception e) when (e is UnstorableValueException or InvalidCastException or FormatException or OverflowException
                                                  or MySqlConversionException)
                    {
                        throw new SyncRowException($"sync {tableName}: row {KeyOf(reader)} column {rows.Columns[i].Name}: {e.Message}; " +
                                                   "the run stopped and nothing of it was applied", e);
                    }
                }
                count++;
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return count;
    }

    private string KeyOf(MySqlDataReader reader)
    {
        if (keyOrdinals.Count == 0) return "(no key)";
        return string.Join(", ", keyOrdinals.Select(o => $"{reader.GetName(o)}={Show(reader, o)}"));
    }

    private static string Show(MySqlDataReader reader, int ordinal)
    {
        try { return reader.IsDBNull(ordinal) ? "NULL" : $"'{reader.GetValue(ordinal)}'"; }
        catch (Exception e) when (e is InvalidCastException or MySqlConversionException) { return "(unreadable)"; }
    }
}

/// <summary>A source row the warehouse cannot store: names the table, the row's key and the column.</summary>
public sealed class SyncRowException(string message, Exception inner) : InvalidOperationException(message, inner);
