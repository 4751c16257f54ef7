using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;

namespace Sandbox.Console.State;

public sealed record SavedQuery(
    int Id, int OwnerId, string Owner, string Name, string Description, string Sql,
    IReadOnlyList<ParameterDefinition> Parameters, bool IsPrivate, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The data source it runs on (<see cref="DataSources"/>): warehouse or lake.</summary>
    public string Source { get; init; } = DataSources.Warehouse;

    public string Permalink => $"/queries/{Id}";

    public bool VisibleTo(ConsoleUser user) => !IsPrivate || OwnerId == user.Id || user.IsAdmin;

    public bool EditableBy(ConsoleUser user) => OwnerId == user.Id || user.IsAdmin;
}

/// <summary>What a person sends to save a query (all fields checked before anything is written).</summary>
public sealed record SavedQueryDraft(string? Name, string? Description, string? Sql, IReadOnlyList<ParameterDefinition>? Parameters, bool IsPrivate,
    string? Source = null)
{
    public void Check()
    {
        DataSources.Check(Source);
        if (string.IsNullOrWhiteSpace(Name)) throw new QueryInputException("name is empty: give the query a name");
        if (Name.Length > 200) throw new QueryInputException($"name has {Name.Length} characters: at most 200");
        if (string.IsNullOrWhiteSpace(Sql)) throw new QueryInputException("sql is empty: write a query");
        ParameterBinder.CheckDefinitions(Parameters ?? []);
        var undeclared = ParameterBinder.NamesIn(Sql).Except((Parameters ?? []).Select(p => p.Name)).FirstOrDefault();
        if (undeclared != null)
            throw new QueryInputException($"parameter '{undeclared}' is used in the SQL but not declared: give it a type (text, number or date)");
    }
}

public sealed class SavedQueryStore(NpgsqlDataSource dataSource)
{
    private const string Select =
        """
        select q.id, q.owner_id, u.name, q.name, q.description, q.sql, q.parameters::text, q.is_private, q.created_at, q.updated_at, q.source
        from console.saved_queries q join console.users u on u.id = q.owner_id
        """;

    public async Task<SavedQuery> CreateAsync(ConsoleUser owner, SavedQueryDraft draft, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            """
            insert into console.saved_queries (owner_id, name, description, sql, parameters, is_private, source)
            values ($1, $2, $3, $4, $5, $6, $7) returning id
            """);
        command.Parameters.Add(new() { Value = owner.Id });
        AddDraft(command, draft);
        var id = (int)(await command.ExecuteScalarAsync(ct))!;
        return (await FindAsync(id, ct))!;
    }

    public async Task<SavedQuery> UpdateAsync(int id, SavedQueryDraft draft, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            """
            update console.saved_queries set name = $2, description = $3, sql = $4, parameters = $5, is_private = $6, source = $7, updated_at = now()
            where id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        AddDraft(command, draft);
        await command.ExecuteNonQueryAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("delete from console.saved_queries where id = $1");
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<SavedQuery?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(Select + " where q.id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>The user's own queries and everyone's public ones (an admin sees all), newest first.</summary>
    public async Task<IReadOnlyList<SavedQuery>> VisibleToAsync(ConsoleUser user, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            Select + " where not q.is_private or q.owner_id = $1 or $2 order by q.updated_at desc, q.id desc");
        command.Parameters.Add(new() { Value = user.Id });
        command.Parameters.Add(new() { Value = user.IsAdmin });
        return await ReadAsync(command, ct);
    }

    private static void AddDraft(NpgsqlCommand command, SavedQueryDraft draft)
    {
        command.Parameters.Add(new() { Value = draft.Name!.Trim() });
        command.Parameters.Add(new() { Value = draft.Description?.Trim() ?? "" });
        command.Parameters.Add(new() { Value = draft.Sql! });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(draft.Parameters ?? []) });
        command.Parameters.Add(new() { Value = draft.IsPrivate });
        command.Parameters.Add(new() { Value = draft.Source ?? DataSources.Warehouse });
    }

    private static async Task<List<SavedQuery>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var queries = new List<SavedQuery>();
        while (await reader.ReadAsync(ct))
            queries.Add(new SavedQuery(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                JsonSerializer.Deserialize<List<ParameterDefinition>>(reader.GetString(6))!, reader.GetBoolean(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9)) { Source = reader.GetString(10) });
        return queries;
    }
}
