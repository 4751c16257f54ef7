using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Alerts;
using Sandbox.Console.Queries;

namespace Sandbox.Console.State;

public sealed record Alert(
    int Id, int QueryId, string QueryName, int OwnerId, string Owner, string Name, string Column, string Op, string? Value,
    string Notify, int? NotifyEveryMinutes, string State, string? Reason, string? LastValue,
    DateTimeOffset? LastEvaluatedAt, DateTimeOffset? LastNotifiedAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AlertRule Rule => new(Column, Op, Value);

    public bool EditableBy(ConsoleUser user) => OwnerId == user.Id || user.IsAdmin;
}

public sealed record AlertEvent(long Id, long? RunId, string State, string? Value, string Message, bool Notified, string? Delivery, DateTimeOffset At);

/// <summary>What a person sends to make or change an alert (checked before anything is written).</summary>
public sealed record AlertDraft(int QueryId, string? Name, string? Column, string? Op, string? Value, string? Notify, int? NotifyEveryMinutes)
{
    public static readonly IReadOnlyList<string> NotifyModes = ["once", "always", "every"];

    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new QueryInputException("name is empty: give the alert a name");
        new AlertRule(Column ?? "", Op ?? "", Value).Check();
        if (!NotifyModes.Contains(Notify ?? "once"))
            throw new QueryInputException($"notify '{Notify}' is not a mode: use once, always (every evaluation) or every (with notifyEveryMinutes)");
        if (Notify == "every" && NotifyEveryMinutes is not (>= 1 and <= 10080))
            throw new QueryInputException($"notify 'every' needs notifyEveryMinutes from 1 to 10080 (got {NotifyEveryMinutes?.ToString() ?? "none"})");
    }
}

public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    private const string Select =
        """
        select a.id, a.query_id, q.name, a.owner_id, u.name, a.name, a.column_name, a.op, a.threshold, a.notify, a.notify_every_minutes,
               a.state, a.reason, a.last_value, a.last_evaluated_at, a.last_notified_at
        from console.alerts a join console.saved_queries q on q.id = a.query_id join console.users u on u.id = a.owner_id
        """;

    public async Task<Alert> CreateAsync(int ownerId, AlertDraft draft, CancellationToken ct)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            """
            insert into console.alerts (owner_id, query_id, name, column_name, op, threshold, notify, notify_every_minutes)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning id
            """);
        command.Parameters.Add(new() { Value = ownerId });
        AddDraft(command, draft);
        return (await FindAsync((int)(await command.ExecuteScalarAsync(ct))!, ct))!;
    }

    /// <summary>A changed condition starts again from UNKNOWN (its next evaluation decides).</summary>
    public async Task<Alert> UpdateAsync(int id, AlertDraft draft, CancellationToken ct)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            """
            update console.alerts set query_id = $2, name = $3, column_name = $4, op = $5, threshold = $6, notify = $7, notify_every_minutes = $8,
              state = 'unknown', reason = null, last_value = null, updated_at = now()
            where id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        AddDraft(command, draft);
        await command.ExecuteNonQueryAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from console.alerts where id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<Alert?> FindAsync(int id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Select + " where a.id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Alert>> ForQueryAsync(int queryId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Select + " where a.query_id = $1 order by a.id");
        command.Parameters.Add(new() { Value = queryId });
        return await ReadAsync(command, ct);
    }

    /// <summary>Alerts on the queries the user may see (public ones, their own, all for an admin).</summary>
    public async Task<IReadOnlyList<Alert>> VisibleToAsync(ConsoleUser user, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Select + " where not q.is_private or q.owner_id = $1 or $2 order by a.id");
        command.Parameters.Add(new() { Value = user.Id });
        command.Parameters.Add(new() { Value = user.IsAdmin });
        return await ReadAsync(command, ct);
    }

    /// <summary>Stores an evaluation: the new state, the value (kept for "changed" unless it was an error), and its event.</summary>
    public async Task RecordAsync(int alertId, long runId, AlertEvaluation evaluation, bool notified, string? delivery, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        var update = new NpgsqlBatchCommand(
            """
            update console.alerts set state = $2, reason = $3, last_value = case when $2 = 'error' then last_value else $4 end,
              last_evaluated_at = now(), last_notified_at = case when $5 then now() else last_notified_at end
            where id = $1
            """);
        update.Parameters.Add(new() { Value = alertId });
        update.Parameters.Add(new() { Value = evaluation.State });
        update.Parameters.Add(new() { Value = evaluation.Message });
        update.Parameters.Add(new() { Value = (object?)evaluation.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        update.Parameters.Add(new() { Value = notified });
        var insert = new NpgsqlBatchCommand(
            "insert into console.alert_events (alert_id, run_id, state, value, message, notified, delivery) values ($1, $2, $3, $4, $5, $6, $7)");
        insert.Parameters.Add(new() { Value = alertId });
        insert.Parameters.Add(new() { Value = runId });
        insert.Parameters.Add(new() { Value = evaluation.State });
        insert.Parameters.Add(new() { Value = (object?)evaluation.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = evaluation.Message });
        insert.Parameters.Add(new() { Value = notified });
        insert.Parameters.Add(new() { Value = (object?)delivery ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(update);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AlertEvent>> EventsAsync(int alertId, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select id, run_id, state, value, message, notified, delivery, at from console.alert_events where alert_id = $1 order by id desc limit $2");
        command.Parameters.Add(new() { Value = alertId });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<AlertEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new AlertEvent(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        return events;
    }

    private static void AddDraft(NpgsqlCommand command, AlertDraft draft)
    {
        command.Parameters.Add(new() { Value = draft.QueryId });
        command.Parameters.Add(new() { Value = draft.Name!.Trim() });
        command.Parameters.Add(new() { Value = draft.Column! });
        command.Parameters.Add(new() { Value = draft.Op! });
        command.Parameters.Add(new() { Value = (object?)draft.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = draft.Notify ?? "once" });
        command.Parameters.Add(new() { Value = draft.Notify == "every" ? draft.NotifyEveryMinutes! : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
    }

    private static async Task<List<Alert>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var alerts = new List<Alert>();
        while (await reader.ReadAsync(ct))
            alerts.Add(new Alert(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15)));
        return alerts;
    }
}
