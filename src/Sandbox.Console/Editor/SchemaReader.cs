using Npgsql;

namespace Sandbox.Console.Editor;

public sealed record SchemaColumn(string Name, string Type);

/// <param name="Rows">The planner's estimate (pg_class.reltuples, as of the last ANALYZE); null when never analyzed or a view.</param>
public sealed record SchemaTable(string Schema, string Name, string Kind, long? Rows, IReadOnlyList<SchemaColumn> Columns);

/// <summary>
/// The tables and columns a data source shows the role that runs people's queries: what
/// information_schema lists for it (so never more than it may read), with row estimates.
/// </summary>
public sealed class SchemaReader(NpgsqlDataSource warehouse)
{
    private const string Sql =
        """
        select c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type,
               case when cl.reltuples >= 0 and cl.relkind in ('r', 'p', 'm') then cl.reltuples::bigint end
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        left join pg_catalog.pg_namespace n on n.nspname = c.table_schema
        left join pg_catalog.pg_class cl on cl.relnamespace = n.oid and cl.relname = c.table_name
        where c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\_%'
          -- A table granted in a schema the role may not use is not readable either (e.g. the console's own).
          and has_schema_privilege(c.table_schema, 'USAGE')
        order by c.table_schema, c.table_name, c.ordinal_position
        """;

    public async Task<IReadOnlyList<SchemaTable>> ReadAsync(CancellationToken ct)
    {
        await using var command = warehouse.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<SchemaTable>();
        List<SchemaColumn>? columns = null;
        while (await reader.ReadAsync(ct))
        {
            var (schema, name) = (reader.GetString(0), reader.GetString(1));
            if (tables.Count == 0 || tables[^1].Schema != schema || tables[^1].Name != name)
            {
                columns = [];
                var kind = reader.GetString(2) == "VIEW" ? "view" : "table";
                tables.Add(new SchemaTable(schema, name, kind, reader.IsDBNull(5) ? null : reader.GetInt64(5), columns));
            }
            columns!.Add(new SchemaColumn(reader.GetString(3), reader.GetString(4)));
        }
        return tables;
    }
}
