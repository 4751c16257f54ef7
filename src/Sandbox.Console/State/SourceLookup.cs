using Npgsql;

namespace Sandbox.Console.State;

/// <summary>The data source behind a saved query, an alert, a job or a dashboard widget: what the access check needs before the endpoint runs.</summary>
public sealed class SourceLookup(NpgsqlDataSource dataSource, StateChanges? changes = null)
{
    private readonly StateMemo<int, string> _ofQuery = new(changes);

    /// <summary>Kept in memory until the state changes: every request on a saved query asks.</summary>
    public Task<string?> OfQueryAsync(int id, CancellationToken ct) =>
        _ofQuery.GetAsync(id, read => ScalarAsync("select source from console.saved_queries where id = $1", read, id), ct);

    public Task<string?> OfAlertAsync(int id, CancellationToken ct) =>
        ScalarAsync("select q.source from console.alerts a join console.saved_queries q on q.id = a.query_id where a.id = $1", ct, id);

    public Task<string?> OfJobAsync(long id, CancellationToken ct) =>
        ScalarAsync("select q.source from console.query_runs r join console.saved_queries q on q.id = r.query_id where r.id = $1", ct, id);

    public Task<string?> OfWidgetAsync(int dashboardId, int widgetId, CancellationToken ct) =>
        ScalarAsync("select q.source from console.dashboard_widgets w join console.saved_queries q on q.id = w.query_id where w.dashboard_id = $1 and w.id = $2",
            ct, dashboardId, widgetId);

    /// <summary>Each of these queries' data source (ids that do not exist are left out).</summary>
    public async Task<IReadOnlyDictionary<int, string>> OfQueriesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select id, source from console.saved_queries where id = any ($1)");
        command.Parameters.Add(new() { Value = ids.Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sources = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct)) sources[reader.GetInt32(0)] = reader.GetString(1);
        return sources;
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
