using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Queries;
using Sandbox.Console.State;

namespace Sandbox.Console.Dashboards;

/// <param name="QueryId">Null once the query was deleted; <see cref="QueryName"/> still says which it was.</param>
/// <param name="ParameterMap">Query parameter name to the dashboard parameter that feeds it.</param>
public sealed record Widget(int Id, int? QueryId, string QueryName, int Position, int Width, IReadOnlyDictionary<string, string> ParameterMap)
{
    public bool QueryDeleted => QueryId is null;
}

public sealed record Dashboard(
    int Id, int OwnerId, string Owner, string Name, IReadOnlyList<ParameterDefinition> Parameters, int? RefreshSeconds,
    IReadOnlyList<Widget> Widgets, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string Permalink => $"/dashboards/{Id}";

    public bool EditableBy(ConsoleUser user) => OwnerId == user.Id || user.IsAdmin;
}

public sealed record DashboardDraft(string? Name, IReadOnlyList<ParameterDefinition>? Parameters, int? RefreshSeconds)
{
    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new QueryInputException("name is empty: give the dashboard a name");
        if (Name.Length > 200) throw new QueryInputException($"name has {Name.Length} characters: at most 200");
        ParameterBinder.CheckDefinitions(Parameters ?? []);
        if (RefreshSeconds is < 10 or > 86_400)
            throw new QueryInputException($"refreshSeconds is {RefreshSeconds}: auto-refresh takes 10 to 86400 seconds (null for none)");
    }
}

public sealed record WidgetDraft(int? QueryId, int? Width, IReadOnlyDictionary<string, string>? ParameterMap);

/// <summary>Dashboards and their widgets (console.dashboards, console.dashboard_widgets).</summary>
public sealed class DashboardStore(NpgsqlDataSource dataSource)
{
    public async Task<Dashboard> CreateAsync(ConsoleUser owner, DashboardDraft draft, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            "insert into console.dashboards (owner_id, name, parameters, refresh_seconds) values ($1, $2, $3, $4) returning id");
        command.Parameters.Add(new() { Value = owner.Id });
        AddDraft(command, draft);
        return (await FindAsync((int)(await command.ExecuteScalarAsync(ct))!, ct))!;
    }

    public async Task<Dashboard> UpdateAsync(int id, DashboardDraft draft, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            "update console.dashboards set name = $2, parameters = $3, refresh_seconds = $4, updated_at = now() where id = $1");
        command.Parameters.Add(new() { Value = id });
        AddDraft(command, draft);
        await command.ExecuteNonQueryAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("delete from console.dashboards where id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Appends a widget (checked by the caller against the query and the dashboard's parameters).</summary>
    public async Task<Widget> AddWidgetAsync(int dashboardId, SavedQuery query, int width, IReadOnlyDictionary<string, string> parameterMap, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into console.dashboard_widgets (dashboard_id, query_id, query_name, position, width, parameter_map)
            select $1, $2, $3, coalesce(max(position), 0) + 1, $4, $5 from console.dashboard_widgets where dashboard_id = $1
            returning id, position
            """);
        command.Parameters.Add(new() { Value = dashboardId });
        command.Parameters.Add(new() { Value = query.Id });
        command.Parameters.Add(new() { Value = query.Name });
        command.Parameters.Add(new() { Value = width });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(parameterMap) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Widget(reader.GetInt32(0), query.Id, query.Name, reader.GetInt32(1), width, parameterMap);
    }

    public async Task<bool> RemoveWidgetAsync(int dashboardId, int widgetId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("delete from console.dashboard_widgets where id = $1 and dashboard_id = $2");
        command.Parameters.Add(new() { Value = widgetId });
        command.Parameters.Add(new() { Value = dashboardId });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<Dashboard?> FindAsync(int id, CancellationToken ct = default) =>
        (await ReadAsync("where d.id = $1", id, ct)).SingleOrDefault();

    public Task<IReadOnlyList<Dashboard>> ListAsync(CancellationToken ct = default) => ReadAsync("", null, ct);

    private async Task<IReadOnlyList<Dashboard>> ReadAsync(string where, int? id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select d.id, d.owner_id, u.name, d.name, d.parameters::text, d.refresh_seconds, d.created_at, d.updated_at,
                   coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'queryId', w.query_id, 'queryName', w.query_name,
                             'position', w.position, 'width', w.width, 'parameterMap', w.parameter_map) order by w.position)
                             from console.dashboard_widgets w where w.dashboard_id = d.id), '[]')::text
            from console.dashboards d join console.users u on u.id = d.owner_id
            {where} order by d.name, d.id
            """);
        if (id is { } value) command.Parameters.Add(new() { Value = value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var dashboards = new List<Dashboard>();
        while (await reader.ReadAsync(ct))
            dashboards.Add(new Dashboard(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<ParameterDefinition>>(reader.GetString(4))!,
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                JsonSerializer.Deserialize<List<Widget>>(reader.GetString(8), Api.ConsoleJson.Options)!,
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        return dashboards;
    }

    private static void AddDraft(NpgsqlCommand command, DashboardDraft draft)
    {
        command.Parameters.Add(new() { Value = draft.Name!.Trim() });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(draft.Parameters ?? []) });
        command.Parameters.Add(new() { Value = (object?)draft.RefreshSeconds ?? DBNull.Value });
    }
}
