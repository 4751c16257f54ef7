using MySqlConnector;
using Npgsql;
using Sandbox.Sync.Source;

namespace Sandbox.Sync.Target;

/// <summary>Streams the source rows into one binary COPY, remembering the last row's cursor values.</summary>
public sealed class RowCopier(string tableName, IReadOnlyList<WarehouseType> types, IReadOnlyList<int> cursorOrdinals, IReadOnlyList<int> keyOrdinals)
{
    public sealed record Copied(long Rows, object[]? LastCursor);

    public async Task<Copied> CopyAsync(SourceRows rows, NpgsqlConnection connection, string into, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", rows.Columns.Select(c => c.Name));
        var reader = rows.Reader;
        var writers = types.Select(t => t.Write).ToArray();
        var count = 0L;
        object[]? last = null;
        await using (var importer = await connection.BeginBinaryImportAsync($"copy {into} ({columns}) from stdin (format binary)", cancellationToken))
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
                last = CursorOf(reader, last);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return new Copied(count, last);
    }

    private object[]? CursorOf(MySqlDataReader reader, object[]? reuse)
    {
        if (cursorOrdinals.Count == 0) return null;
        var values = reuse ?? new object[cursorOrdinals.Count];
        for (var k = 0; k < values.Length; k++) values[k] = reader.GetValue(cursorOrdinals[k]);
        return values;
    }

    private string KeyOf(MySqlDataReader reader)
    {
        var ordinals = keyOrdinals.Count > 0 ? keyOrdinals : cursorOrdinals;
        if (ordinals.Count == 0) return "(no key)";
        return string.Join(", ", ordinals.Select(o => $"{reader.GetName(o)}={Show(reader, o)}"));
    }

    private static string Show(MySqlDataReader reader, int ordinal)
    {
        try { return reader.IsDBNull(ordinal) ? "NULL" : $"'{reader.GetValue(ordinal)}'"; }
        catch (Exception e) when (e is InvalidCastException or MySqlConversionException) { return "(unreadable)"; }
    }
}

/// <summary>A source row the warehouse cannot store: names the table, the row's key and the column.</summary>
public sealed class SyncRowException(string message, Exception inner) : InvalidOperationException(message, inner);
