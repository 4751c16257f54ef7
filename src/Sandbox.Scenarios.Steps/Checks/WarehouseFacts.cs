using System.Text.Json;
using Npgsql;

namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>Reads what the warehouse holds: events (every row counted), their tracking-plan violations, and bad_events with their reasons.</summary>
public sealed class WarehouseFacts(NpgsqlDataSource warehouse)
{
    public NpgsqlDataSource DataSource => warehouse;

    public async Task<(long Rows, long DistinctIds)> RowCountsAsync() =>
        await SingleAsync("select count(*), count(distinct event_id) from events", r => (r.GetInt64(0), r.GetInt64(1)));

    public async Task<HashSet<string>> EventIdsAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await ForEachEventIdAsync(id => ids.Add(id));
        return ids;
    }

    /// <summary>Every row's event_id, streamed (a load test's day does not fit a set of strings).</summary>
    public Task ForEachEventIdAsync(Action<string> eventId) => ReadAsync("select event_id from events", r => eventId(r.GetString(0)));

    /// <summary>Rows per "event_name yyyy-MM-dd HH" by event_time (UTC).</summary>
    public async Task<Dictionary<string, long>> CountsByNameAndHourAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadAsync(
            "select event_name, to_char(event_time at time zone 'UTC', 'YYYY-MM-DD HH24'), count(*) from events group by 1, 2",
            r => counts[$"{r.GetString(0)} {r.GetString(1)}"] = r.GetInt64(2));
        return counts;
    }

    /// <summary>Rows per (app_version, event_name).</summary>
    public async Task<Dictionary<(string Version, string Event), long>> CountsByVersionAndNameAsync()
    {
        var counts = new Dictionary<(string, string), long>();
        await ReadAsync("select coalesce(app_version, '?'), event_name, count(*) from events group by 1, 2",
            r => counts[(r.GetString(0), r.GetString(1))] = r.GetInt64(2));
        return counts;
    }

    public async Task<long> CountAsync(string eventName, DateOnly? day)
    {
        await using var command = warehouse.CreateCommand(
            "select count(*) from events where event_name = $1 and ($2::date is null or (event_time at time zone 'UTC')::date = $2::date)");
        command.Parameters.Add(new NpgsqlParameter { Value = eventName });
        command.Parameters.Add(new NpgsqlParameter { Value = day.HasValue ? day.Value : DBNull.Value, DataTypeName = "date" });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The loaded events' tracking-plan violations (event_violations), grouped by event, type, path and app_version.</summary>
    public async Task<IReadOnlyList<ViolationGroup>> LoadedEventViolationsAsync()
    {
        var groups = new List<ViolationGroup>();
        await ReadAsync("""
            select e.event_name, v.type, v.path, coalesce(e.app_version, '?'), count(*)
            from event_violations v join events e on e.event_id = v.event_id
            group by 1, 2, 3, 4
            """, r => groups.Add(new ViolationGroup(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4))));
        return groups;
    }

    public async Task<IReadOnlyList<BadEvent>> BadEventsAsync()
    {
        var rows = new List<BadEvent>();
        await ReadAsync("select raw, violations::text, coalesce(line_ref, '') from bad_events order by id", r =>
        {
            using var violations = JsonDocument.Parse(r.GetString(1));
            rows.Add(new BadEvent(r.GetString(0), r.GetString(2),
                violations.RootElement.EnumerateArray().Select(v => (v.GetProperty("type").GetString()!, v.GetProperty("path").GetString()!)).ToList()));
        });
        return rows;
    }

    private async Task<T> SingleAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = warehouse.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return read(reader);
    }

    private async Task ReadAsync(string sql, Action<NpgsqlDataReader> row)
    {
        await using var command = warehouse.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }
}

/// <summary>A bad_events row: the raw line, where it came from, and its (type, path) violations.</summary>
public sealed record BadEvent(string Raw, string LineRef, IReadOnlyList<(string Type, string Path)> Violations);
