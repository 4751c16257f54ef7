using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Queries;

namespace Sandbox.Console.State;

/// <summary>A stored result: columns, rows as one JSON array text, and when it was retrieved.</summary>
public sealed record CachedResult(
    long Id, int QueryId, IReadOnlyList<ResultColumn> Columns, string RowsJson, long RowCount, bool Truncated, long RuntimeMs, DateTimeOffset RetrievedAt)
{
    public TimeSpan AgeAt(DateTimeOffset now) => now - RetrievedAt < TimeSpan.Zero ? TimeSpan.Zero : now - RetrievedAt;
}

/// <summary>console.query_results: the newest few results per query and values are kept, older ones pruned.</summary>
public sealed class ResultCacheStore(NpgsqlDataSource dataSource, ResultMemory? memory = null, StateChanges? changes = null)
{
    private readonly ResultMemory _memory = memory ?? new ResultMemory();

    /// <summary>The newest result's id per query, values and SQL, kept until the state changes (a new result is such a change).</summary>
    private readonly StateMemo<(int, string, string), NewestId> _newest = new(changes);

    private sealed record NewestId(long Id);

    private const int KeptPerKey = 3;

    public async Task<long> StoreAsync(int queryId, string valuesKey, string sqlHash, IReadOnlyList<ResultColumn> columns, string rowsJson,
        long rowCount, bool truncated, long runtimeMs, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            """
            insert into console.query_results (query_id, values_key, sql_hash, columns, rows, row_count, truncated, runtime_ms)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning id
            """);
        insert.Parameters.Add(new() { Value = queryId });
        insert.Parameters.Add(new() { Value = valuesKey });
        insert.Parameters.Add(new() { Value = sqlHash });
        insert.Parameters.Add(new() { Value = System.Text.Json.JsonSerializer.Serialize(columns, Api.ConsoleJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new() { Value = rowsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new() { Value = rowCount });
        insert.Parameters.Add(new() { Value = truncated });
        insert.Parameters.Add(new() { Value = runtimeMs });
        var prune = new NpgsqlBatchCommand(
            $"""
            delete from console.query_results where query_id = $1 and values_key = $2 and id not in (
              select id from console.query_results where query_id = $1 and values_key = $2 order by retrieved_at desc, id desc limit {KeptPerKey})
            """);
        prune.Parameters.Add(new() { Value = queryId });
        prune.Parameters.Add(new() { Value = valuesKey });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(prune);
        var id = (long)(await batch.ExecuteScalarAsync(ct))!;
        changes?.Changed();
        return id;
    }

    /// <summary>
    /// The newest result for the query's current SQL and these values, or null. Only its id crosses
    /// from PostgreSQL when the process has read that result before (<see cref="ResultMemory"/>), and
    /// not even that while no result was stored since the last read (<see cref="StateChanges"/>).
    /// </summary>
    public async Task<CachedResult?> LatestAsync(int queryId, string valuesKey, string sqlHash, CancellationToken ct)
    {
        if (await _newest.GetAsync((queryId, valuesKey, sqlHash), read => NewestIdAsync(queryId, valuesKey, sqlHash, read), ct) is not { } newest)
            return null;
        var id = newest.Id;
        if (_memory.TryGet(id, out var known)) return known;

        await using var command = dataSource.CreateCommand(
            "select id, query_id, columns::text, rows::text, row_count, truncated, runtime_ms, retrieved_at from console.query_results where id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null; // pruned in between by a newer refresh
        var result = new CachedResult(
            reader.GetInt64(0), reader.GetInt32(1),
            System.Text.Json.JsonSerializer.Deserialize<List<ResultColumn>>(reader.GetString(2), Api.ConsoleJson.Options)!,
            reader.GetString(3), reader.GetInt64(4), reader.GetBoolean(5), reader.GetInt64(6), reader.GetFieldValue<DateTimeOffset>(7));
        _memory.Add(result);
        return result;
    }

    private async Task<NewestId?> NewestIdAsync(int queryId, string valuesKey, string sqlHash, CancellationToken ct)
    {
        await using var newest = dataSource.CreateCommand(
            """
            select id from console.query_results
            where query_id = $1 and values_key = $2 and sql_hash = $3 order by retrieved_at desc, id desc limit 1
            """);
        newest.Parameters.Add(new() { Value = queryId });
        newest.Parameters.Add(new() { Value = valuesKey });
        newest.Parameters.Add(new() { Value = sqlHash });
        return await newest.ExecuteScalarAsync(ct) is long found ? new NewestId(found) : null;
    }
}
