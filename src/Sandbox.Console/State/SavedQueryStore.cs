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

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>1 when made; each save adds one (<see cref="QueryVersion"/> keeps every one).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The query this one was forked from (null when made from scratch, or that query was deleted).</summary>
    public int? ForkedFrom { get; init; }

    /// <summary>Archived queries are left out of lists; their permalink still works and says so.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    public string Permalink => $"/queries/{Id}";

    public bool VisibleTo(ConsoleUser user) => !IsPrivate || OwnerId == user.Id || user.IsAdmin;

    public bool EditableBy(ConsoleUser user) => OwnerId == user.Id || user.IsAdmin;
}

/// <summary>What a person sends to save a query (all fields checked before anything is written).</summary>
public sealed record SavedQueryDraft(string? Name, string? Description, string? Sql, IReadOnlyList<ParameterDefinition>? Parameters, bool IsPrivate,
    string? Source = null, IReadOnlyList<string>? Tags = null)
{
    public const int MaxTags = 10;

    public void Check()
    {
        DataSources.Check(Source);
        CheckTags(Tags ?? []);
        if (string.IsNullOrWhiteSpace(Name)) throw new QueryInputException("name is empty: give the query a name");
        if (Name.Length > 200) throw new QueryInputException($"name has {Name.Length} characters: at most 200");
        if (string.IsNullOrWhiteSpace(Sql)) throw new QueryInputException("sql is empty: write a query");
        ParameterBinder.CheckDefinitions(Parameters ?? []);
        var undeclared = ParameterBinder.NamesIn(Sql).Except((Parameters ?? []).Select(p => p.Name)).FirstOrDefault();
        if (undeclared != null)
            throw new QueryInputException($"parameter '{undeclared}' is used in the SQL but not declared: give it a type (text, number or date)");
    }

    /// <summary>The tags as stored: trimmed, each once, in the order given.</summary>
    public IReadOnlyList<string> CleanTags() => (Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static void CheckTags(IReadOnlyList<string> tags)
    {
        if (tags.Count > MaxTags) throw new QueryInputException($"tags has {tags.Count} tags: at most {MaxTags}");
        foreach (var tag in tags)
        {
            var trimmed = tag?.Trim() ?? "";
            if (trimmed.Length is 0 or > 40 || !char.IsLetterOrDigit(trimmed[0]) || trimmed.Any(c => !(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.')))
                throw new QueryInputException($"tag '{tag}' must be 1 to 40 letters, digits, spaces, '-', '_' or '.', starting with a letter or digit");
        }
    }
}

/// <summary>One save of a query: what it said then, who saved it and when.</summary>
public sealed record QueryVersion(
    int QueryId, int Version, string Name, string Description, string Sql, IReadOnlyList<ParameterDefinition> Parameters, string Source,
    IReadOnlyList<string> Tags, string? SavedBy, DateTimeOffset SavedAt);

/// <summary>
/// console.saved_queries and their versions (console.query_versions): each save writes a version
/// row in the same statement, so the text a query had before an edit is never lost.
/// </summary>
public sealed class SavedQueryStore(NpgsqlDataSource dataSource, StateChanges? changes = null)
{
    private readonly StateMemo<int, SavedQuery> _found = new(changes);

    private const string Select =
        """
        select q.id, q.owner_id, u.name, q.name, q.description, q.sql, q.parameters::text, q.is_private, q.created_at, q.updated_at, q.source,
               q.tags, q.version, q.forked_from, q.archived_at
        from console.saved_queries q join console.users u on u.id = q.owner_id
        """;

    /// <summary>Copies a saved query's row into its versions; $saved_by is the user who saved it.</summary>
    private const string KeepVersion =
        """
        insert into console.query_versions (query_id, version, name, description, sql, parameters, source, tags, saved_by, saved_at)
        select id, version, name, description, sql, parameters, source, tags, {0}, updated_at from saved
        """;

    public async Task<SavedQuery> CreateAsync(ConsoleUser owner, SavedQueryDraft draft, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            $"""
            with saved as (
              insert into console.saved_queries (owner_id, name, description, sql, parameters, is_private, source, tags)
              values ($1, $2, $3, $4, $5, $6, $7, $8) returning *),
            kept as ({string.Format(KeepVersion, "$1")})
            select id from saved
            """);
        command.Parameters.Add(new() { Value = owner.Id });
        AddDraft(command, draft);
        var id = (int)(await command.ExecuteScalarAsync(ct))!;
        changes?.Changed();
        return (await FindAsync(id, ct))!;
    }

    /// <param name="editor">Who saves it (the owner or an admin), kept with the version.</param>
    public async Task<SavedQuery> UpdateAsync(int id, SavedQueryDraft draft, ConsoleUser editor, CancellationToken ct = default)
    {
        draft.Check();
        await using var command = dataSource.CreateCommand(
            $"""
            with saved as (
              update console.saved_queries set name = $2, description = $3, sql = $4, parameters = $5, is_private = $6, source = $7, tags = $8,
                version = version + 1, updated_at = now()
              where id = $1 returning *),
            kept as ({string.Format(KeepVersion, "$9")})
            select count(*) from saved
            """);
        command.Parameters.Add(new() { Value = id });
        AddDraft(command, draft);
        command.Parameters.Add(new() { Value = editor.Id });
        await command.ExecuteScalarAsync(ct);
        changes?.Changed();
        return (await FindAsync(id, ct))!;
    }

    /// <summary>
    /// Makes an old version the current text again (name, description, SQL, parameters, source, tags),
    /// saved as the next version by <paramref name="editor"/>: nothing between is lost.
    /// </summary>
    /// <returns>Null when the query has no such version.</returns>
    public async Task<SavedQuery?> RestoreAsync(int id, int version, ConsoleUser editor, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with saved as (
              update console.saved_queries q set name = v.name, description = v.description, sql = v.sql, parameters = v.parameters,
                source = v.source, tags = v.tags, version = q.version + 1, updated_at = now()
              from console.query_versions v where q.id = $1 and v.query_id = $1 and v.version = $2 returning q.*),
            kept as ({string.Format(KeepVersion, "$3")})
            select count(*) from saved
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = editor.Id });
        var restored = (long)(await command.ExecuteScalarAsync(ct))! == 1;
        changes?.Changed();
        return restored ? await FindAsync(id, ct) : null;
    }

    /// <summary>A copy owned by <paramref name="forker"/> (same SQL, parameters, source, tags, privacy and chart), remembering where it came from.</summary>
    public async Task<SavedQuery> ForkAsync(SavedQuery original, ConsoleUser forker, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with saved as (
              insert into console.saved_queries (owner_id, name, description, sql, parameters, is_private, source, tags, forked_from)
              select $2, left('Copy of (#' || id || ') ' || name, 200), description, sql, parameters, is_private, source, tags, id
              from console.saved_queries where id = $1 returning *),
            kept as ({string.Format(KeepVersion, "$2")}),
            chart as (
              insert into console.query_visualizations (query_id, spec)
              select saved.id, v.spec from saved join console.query_visualizations v on v.query_id = $1)
            select id from saved
            """);
        command.Parameters.Add(new() { Value = original.Id });
        command.Parameters.Add(new() { Value = forker.Id });
        var id = (int)(await command.ExecuteScalarAsync(ct))!;
        changes?.Changed();
        return (await FindAsync(id, ct))!;
    }

    /// <param name="archived">True archives it (left out of lists), false brings it back.</param>
    public async Task<SavedQuery> ArchiveAsync(int id, bool archived, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "update console.saved_queries set archived_at = case when $2 then coalesce(archived_at, now()) end where id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = archived });
        await command.ExecuteNonQueryAsync(ct);
        changes?.Changed();
        return (await FindAsync(id, ct))!;
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("delete from console.saved_queries where id = $1");
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(ct);
        changes?.Changed();
    }

    /// <summary>The query by id, kept in memory until the state changes (results.json reads it on every call).</summary>
    public Task<SavedQuery?> FindAsync(int id, CancellationToken ct = default) => _found.GetAsync(id, read => ReadOneAsync(id, read), ct);

    private async Task<SavedQuery?> ReadOneAsync(int id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Select + " where q.id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>
    /// The user's own queries and everyone's public ones (an admin sees all), newest first; archived
    /// ones only when asked for, and only those carrying <paramref name="tag"/> when one is given.
    /// </summary>
    public async Task<IReadOnlyList<SavedQuery>> VisibleToAsync(ConsoleUser user, CancellationToken ct = default, string? tag = null, bool archived = false)
    {
        await using var command = dataSource.CreateCommand(
            Select + """
             where (not q.is_private or q.owner_id = $1 or $2) and (q.archived_at is not null) = $3 and ($4::text is null or $4 = any (q.tags))
            order by q.updated_at desc, q.id desc
            """);
        command.Parameters.Add(new() { Value = user.Id });
        command.Parameters.Add(new() { Value = user.IsAdmin });
        command.Parameters.Add(new() { Value = archived });
        command.Parameters.Add(new() { Value = (object?)tag ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await ReadAsync(command, ct);
    }

    /// <summary>Every save of a query, newest first.</summary>
    public async Task<IReadOnlyList<QueryVersion>> VersionsAsync(int id, CancellationToken ct = default) => await ReadVersionsAsync(id, null, ct);

    public async Task<QueryVersion?> VersionAsync(int id, int version, CancellationToken ct = default) =>
        (await ReadVersionsAsync(id, version, ct)).SingleOrDefault();

    private async Task<List<QueryVersion>> ReadVersionsAsync(int id, int? version, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            select v.query_id, v.version, v.name, v.description, v.sql, v.parameters::text, v.source, v.tags, u.name, v.saved_at
            from console.query_versions v left join console.users u on u.id = v.saved_by
            where v.query_id = $1 and ($2::integer is null or v.version = $2) order by v.version desc
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<QueryVersion>();
        while (await reader.ReadAsync(ct))
            versions.Add(new QueryVersion(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                JsonSerializer.Deserialize<List<ParameterDefinition>>(reader.GetString(5))!, reader.GetString(6),
                reader.GetFieldValue<string[]>(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)));
        return versions;
    }

    private static void AddDraft(NpgsqlCommand command, SavedQueryDraft draft)
    {
        command.Parameters.Add(new() { Value = draft.Name!.Trim() });
        command.Parameters.Add(new() { Value = draft.Description?.Trim() ?? "" });
        command.Parameters.Add(new() { Value = draft.Sql! });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(draft.Parameters ?? []) });
        command.Parameters.Add(new() { Value = draft.IsPrivate });
        command.Parameters.Add(new() { Value = draft.Source ?? DataSources.Warehouse });
        command.Parameters.Add(new() { Value = draft.CleanTags().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
    }

    private static async Task<List<SavedQuery>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var queries = new List<SavedQuery>();
        while (await reader.ReadAsync(ct))
            queries.Add(new SavedQuery(
                reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                JsonSerializer.Deserialize<List<ParameterDefinition>>(reader.GetString(6))!, reader.GetBoolean(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9))
            {
                Source = reader.GetString(10), Tags = reader.GetFieldValue<string[]>(11), Version = reader.GetInt32(12),
                ForkedFrom = reader.IsDBNull(13) ? null : reader.GetInt32(13),
                ArchivedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
            });
        return queries;
    }
}
