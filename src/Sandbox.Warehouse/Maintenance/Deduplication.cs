using Npgsql;

namespace Sandbox.Warehouse.Maintenance;

/// <summary>What one dedupe did: the keys found more than once and the surplus rows removed.</summary>
public sealed record DedupeResult(string Table, long DuplicatedKeys, long RowsRemoved);

/// <summary>
/// The dedupe step teams run on Redshift, which does not enforce primary keys: a COPY that loads a
/// batch twice (a redelivery) leaves two rows per event_id there. Per key found more than once, the
/// first row by <c>orderBy</c> is kept and the others are removed, in one transaction, with SQL that
/// runs unchanged on Redshift and on the Sandbox's endpoint (temporary tables, ROW_NUMBER, CREATE
/// TABLE LIKE). In Sandbox events' primary key already refuses the second copy, so this finds none
/// there; it matters for tables without the key, and on a real cluster.
/// </summary>
public sealed class Deduplication(NpgsqlDataSource warehouse)
{
    public async Task<DedupeResult> RunAsync(string table, string key, string orderBy, CancellationToken ct = default)
    {
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        var columns = await ColumnsAsync(connection, table, ct);
        foreach (var name in new[] { key, orderBy })
            if (!columns.Contains(name))
                throw new ArgumentException($"table {table} has no column \"{name}\" (columns: {string.Join(", ", columns)})");
        var list = string.Join(", ", columns.Select(Quote));
        var (t, k) = (QuoteTable(table), Quote(key));
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"create temporary table dedupe_keys as select {k} from {t} group by {k} having count(*) > 1", ct);
        await using var count = new NpgsqlCommand("select count(*) from dedupe_keys", connection);
        var keys = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        long removed = 0;
        if (keys > 0)
        {
            await ExecuteAsync(connection, $"create temporary table dedupe_keep (like {t})", ct);
            await ExecuteAsync(connection, $"""
                insert into dedupe_keep ({list})
                select {list} from (
                  select {list}, row_number() over (partition by {k} order by {Quote(orderBy)}) as dedupe_rank
                  from {t} where {k} in (select {k} from dedupe_keys)) ranked
                where dedupe_rank = 1
                """, ct);
            var deleted = await ExecuteAsync(connection, $"delete from {t} where {k} in (select {k} from dedupe_keys)", ct);
            var kept = await ExecuteAsync(connection, $"insert into {t} ({list}) select {list} from dedupe_keep", ct);
            removed = deleted - kept;
        }
        await transaction.CommitAsync(ct);
        return new DedupeResult(table, keys, removed);
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var (schema, name) = table.Contains('.') ? (table[..table.IndexOf('.')], table[(table.IndexOf('.') + 1)..]) : ((string?)null, table);
        await using var query = new NpgsqlCommand("""
            select column_name from information_schema.columns
            where table_name = $1 and (table_schema = $2 or ($2 is null and table_schema = current_schema()))
            order by ordinal_position
            """, connection);
        query.Parameters.Add(new() { Value = name });
        query.Parameters.Add(new() { Value = (object?)schema ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var columns = new List<string>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns.Count > 0 ? columns : throw new ArgumentException($"table {table} does not exist in the warehouse");
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static string QuoteTable(string table) => string.Join(".", table.Split('.').Select(Quote));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
