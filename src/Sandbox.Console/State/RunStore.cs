using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Console.State;

/// <summary>A refresh of a saved query as the API shows it (Redash calls these jobs).</summary>
public sealed record QueryRun(
    long Id, int QueryId, IReadOnlyDictionary<string, string?> Values, string ValuesKey, string Trigger, string State, string? Reason,
    string? Worker, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? ResultId)
{
    /// <summary>What a person reads: "in queue", "running", "done" or "failed: why".</summary>
    public string Status => State switch
    {
        "queued" => "in queue",
        "failed" => $"failed: {Reason}",
        _ => State,
    };
}

/// <summary>
/// The run queue in console.query_runs. A worker claims a queued run (skip locked) with a lease it
/// renews while the statement runs; <see cref="ReclaimAsync"/> fails runs whose lease ran out (the
/// worker died) and runs nobody took, so no run shows "in queue" or "running" forever.
/// </summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, query_id, parameter_values::text, values_key, trigger, state, reason, worker, queued_at, started_at, finished_at, result_id";

    /// <summary>Queues a refresh, or returns the one already queued or running for the same query and values.</summary>
    public async Task<QueryRun> EnqueueAsync(int queryId, IReadOnlyDictionary<string, string?> values, string valuesKey, string trigger, int? userId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with open as (
              select {Columns} from console.query_runs
              where query_id = $1 and values_key = $3 and state in ('queued', 'running') order by id limit 1),
            queued as (
              insert into console.query_runs (query_id, parameter_values, values_key, trigger, requested_by)
              select $1, $2, $3, $4, $5 where not exists (select 1 from open)
              returning {Columns})
            select * from open union all select * from queued
            """);
        command.Parameters.Add(new() { Value = queryId });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(values), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = valuesKey });
        command.Parameters.Add(new() { Value = trigger });
        command.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        return (await ReadAsync(command, ct)).Single();
    }

    /// <summary>The oldest queued run, now running on this worker with a lease until now + lease.</summary>
    public async Task<QueryRun?> ClaimAsync(string worker, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update console.query_runs set state = 'running', worker = $1, started_at = now(), heartbeat_at = now(), lease_until = now() + $2
            where id = (select id from console.query_runs where state = 'queued' order by id limit 1 for update skip locked)
            returning {Columns}
            """);
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = lease });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <returns>False when the run is no longer this worker's (it was reclaimed): the worker must stop.</returns>
    public async Task<bool> RenewAsync(long runId, string worker, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "update console.query_runs set heartbeat_at = now(), lease_until = now() + $3 where id = $1 and worker = $2 and state = 'running'");
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = lease });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public Task<bool> FinishAsync(long runId, string worker, long resultId, CancellationToken ct) =>
        EndAsync(runId, worker, "done", null, resultId, ct);

    public Task<bool> FailAsync(long runId, string worker, string reason, CancellationToken ct) =>
        EndAsync(runId, worker, "failed", reason, null, ct);

    /// <summary>
    /// Fails running runs whose lease ran out (their worker stopped renewing it: it died, was killed
    /// or hangs) and queued runs older than <paramref name="queueTimeout"/>; returns them.
    /// </summary>
    public async Task<IReadOnlyList<QueryRun>> ReclaimAsync(TimeSpan queueTimeout, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update console.query_runs set state = 'failed', finished_at = now(), reason = case
                when state = 'running' then format('its worker %s stopped renewing its lease (last heartbeat %s UTC): the worker died or was killed',
                                                   worker, to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'))
                else format('no worker took it within %s (is a console running?)', $1::interval) end
            where state = 'running' and lease_until < now() or state = 'queued' and queued_at < now() - $1
            returning {Columns}
            """);
        command.Parameters.Add(new() { Value = queueTimeout });
        return await ReadAsync(command, ct);
    }

    public async Task<QueryRun?> FindAsync(long runId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from console.query_runs where id = $1");
        command.Parameters.Add(new() { Value = runId });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>The newest run of a query with these values, whatever its state.</summary>
    public async Task<QueryRun?> LatestAsync(int queryId, string valuesKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from console.query_runs where query_id = $1 and values_key = $2 order by id desc limit 1");
        command.Parameters.Add(new() { Value = queryId });
        command.Parameters.Add(new() { Value = valuesKey });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    private async Task<bool> EndAsync(long runId, string worker, string state, string? reason, long? resultId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            update console.query_runs set state = $3, reason = $4, result_id = $5, finished_at = now(), lease_until = null
            where id = $1 and worker = $2 and state = 'running'
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = state });
        command.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)resultId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<List<QueryRun>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new List<QueryRun>();
        while (await reader.ReadAsync(ct))
            runs.Add(new QueryRun(
                reader.GetInt64(0), reader.GetInt32(1), JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(2))!,
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetInt64(11)));
        return runs;
    }
}
