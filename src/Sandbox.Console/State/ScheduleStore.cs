using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Refresh;

namespace Sandbox.Console.State;

/// <summary>A saved query's schedule, the values it runs with, and when it is next due.</summary>
public sealed record ScheduleInfo(int QueryId, RefreshSchedule Schedule, IReadOnlyDictionary<string, string?> Values, DateTimeOffset NextRunAt)
{
    public string Description => Schedule.Describe();
}

public sealed class ScheduleStore(NpgsqlDataSource dataSource)
{
    private const string Select = "select query_id, every_minutes, to_char(daily_at, 'HH24:MI'), time_zone, parameter_values::text, next_run_at from console.schedules";

    public async Task<ScheduleInfo> PutAsync(int queryId, RefreshSchedule schedule, IReadOnlyDictionary<string, string?> values, int userId, CancellationToken ct)
    {
        schedule.Check();
        await using var command = dataSource.CreateCommand(
            """
            insert into console.schedules (query_id, every_minutes, daily_at, time_zone, parameter_values, next_run_at, updated_by)
            values ($1, $2, $3::time, $4, $5, $6, $7)
            on conflict (query_id) do update set every_minutes = excluded.every_minutes, daily_at = excluded.daily_at,
              time_zone = excluded.time_zone, parameter_values = excluded.parameter_values, next_run_at = excluded.next_run_at,
              updated_by = excluded.updated_by, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = queryId });
        command.Parameters.Add(new() { Value = (object?)schedule.EveryMinutes ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)schedule.DailyAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = schedule.TimeZone });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(values), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = schedule.NextAfter(DateTimeOffset.UtcNow) });
        command.Parameters.Add(new() { Value = userId });
        await command.ExecuteNonQueryAsync(ct);
        return (await FindAsync(queryId, ct))!;
    }

    public async Task<ScheduleInfo?> FindAsync(int queryId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Select + " where query_id = $1");
        command.Parameters.Add(new() { Value = queryId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<bool> DeleteAsync(int queryId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from console.schedules where query_id = $1");
        command.Parameters.Add(new() { Value = queryId });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// The schedules due now, each moved on to its next time in the same transaction: with two
    /// consoles on one state schema (skip locked) each due schedule is taken by exactly one.
    /// </summary>
    public async Task<IReadOnlyList<ScheduleInfo>> TakeDueAsync(DateTimeOffset now, Func<ScheduleInfo, Task> enqueue, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = new List<ScheduleInfo>();
        await using (var select = new NpgsqlCommand(Select + " where next_run_at <= $1 order by next_run_at for update skip locked", connection, transaction))
        {
            select.Parameters.Add(new() { Value = now });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) due.Add(Read(reader));
        }
        foreach (var schedule in due)
        {
            await enqueue(schedule);
            await using var update = new NpgsqlCommand("update console.schedules set next_run_at = $2 where query_id = $1", connection, transaction);
            update.Parameters.Add(new() { Value = schedule.QueryId });
            update.Parameters.Add(new() { Value = schedule.Schedule.NextAfter(now) });
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return due;
    }

    private static ScheduleInfo Read(NpgsqlDataReader reader) => new(
        reader.GetInt32(0),
        new RefreshSchedule(reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)),
        JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(4))!,
        reader.GetFieldValue<DateTimeOffset>(5));
}
