using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Console.State;

/// <summary>One statement run through the console: when, who, where, how long, how many rows, how it ended.</summary>
public sealed record RunRecord(
    long Id, int? QueryId, string? User, string Source, string Kind, DateTimeOffset StartedAt, long DurationMs, long Rows, string Status, string? Error);

/// <summary>console.run_history: every run, per saved query and per user, newest first.</summary>
public sealed class RunHistoryStore(NpgsqlDataSource dataSource)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    private const string Columns = "id, query_id, user_name, source, kind, started_at, duration_ms, row_count, status, error";

    public async Task RecordAsync(RunRecord run, int? userId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into console.run_history (query_id, user_id, user_name, source, kind, started_at, duration_ms, row_count, status, error)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """);
        command.Parameters.Add(new() { Value = (object?)run.QueryId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)run.User ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = run.Source });
        command.Parameters.Add(new() { Value = run.Kind });
        command.Parameters.Add(new() { Value = run.StartedAt });
        command.Parameters.Add(new() { Value = run.DurationMs });
        command.Parameters.Add(new() { Value = run.Rows });
        command.Parameters.Add(new() { Value = run.Status });
        command.Parameters.Add(new() { Value = (object?)run.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<IReadOnlyList<RunRecord>> ForQueryAsync(int queryId, int limit, CancellationToken ct) => ReadAsync("query_id", queryId, limit, ct);

    public Task<IReadOnlyList<RunRecord>> ForUserAsync(int userId, int limit, CancellationToken ct) => ReadAsync("user_id", userId, limit, ct);

    /// <param name="column">query_id or user_id (ours, never a person's input).</param>
    private async Task<IReadOnlyList<RunRecord>> ReadAsync(string column, int id, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from console.run_history where {column} = $1 order by id desc limit $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(ct))
            runs.Add(new RunRecord(
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6), reader.GetInt64(7),
                reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        return runs;
    }
}
