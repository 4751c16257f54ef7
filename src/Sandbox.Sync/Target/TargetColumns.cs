using Npgsql;

namespace Sandbox.Sync.Target;

/// <summary>An existing warehouse table: its columns as format_type() spells their types (table order), and its primary key.</summary>
public sealed record TargetTable(IReadOnlyDictionary<string, string> Columns, IReadOnlySet<string> PrimaryKey);

/// <summary>Reads a warehouse table's columns and primary key in one query.</summary>
public static class TargetColumns
{
    /// <returns>Null when the table does not exist.</returns>
    public static async Task<TargetTable?> ReadAsync(
        NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select a.attname, format_type(a.atttypid, a.atttypmod), coalesce(a.attnum = any(k.indkey), false)
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_index k on k.indrelid = c.oid and k.indisprimary
            where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
            order by a.attnum
            """, connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = table });
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var key = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                columns[reader.GetString(0)] = reader.GetString(1);
                if (reader.GetBoolean(2)) key.Add(reader.GetString(0));
            }
        if (columns.Count > 0 || await ExistsAsync(connection, schema, table, cancellationToken)) return new TargetTable(columns, key);
        return null;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select to_regclass($1) is not null", connection);
        command.Parameters.Add(new() { Value = $"{schema}.{table}" });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
