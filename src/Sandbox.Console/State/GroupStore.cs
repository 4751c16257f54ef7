using Npgsql;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;

namespace Sandbox.Console.State;

public enum DataSourceAccess { None, View, Full }

/// <param name="DataSources">Per data source (warehouse, lake, appdb): "full" or "view"; a source left out is not reachable through this group.</param>
public sealed record GroupDraft(string? Name, IReadOnlyList<string>? Members, Dictionary<string, string>? DataSources);

public sealed record Group(int Id, string Name, IReadOnlyList<string> Members, IReadOnlyDictionary<string, string> DataSources);

/// <summary>Groups, their members and their access per data source (console.groups and friends).</summary>
public sealed class GroupStore(NpgsqlDataSource dataSource, StateChanges? changes = null)
{
    private readonly StateMemo<int, IReadOnlyDictionary<string, DataSourceAccess>> _access = new(changes);

    public async Task<int> CreateAsync(GroupDraft draft, CancellationToken ct)
    {
        Check(draft);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = new NpgsqlCommand("insert into console.groups (name) values ($1) returning id", connection, transaction);
        insert.Parameters.Add(new() { Value = draft.Name!.Trim() });
        var id = (int)(await UniqueNameAsync(draft, () => insert.ExecuteScalarAsync(ct)))!;
        await WriteMembersAndSourcesAsync(id, draft, connection, transaction, ct);
        await transaction.CommitAsync(ct);
        changes?.Changed();
        return id;
    }

    /// <summary>Replaces the group's name, members and access.</summary>
    /// <returns>False when there is no such group.</returns>
    public async Task<bool> UpdateAsync(int id, GroupDraft draft, CancellationToken ct)
    {
        Check(draft);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var rename = new NpgsqlCommand(
            """
            with renamed as (update console.groups set name = $2 where id = $1 returning id),
            members as (delete from console.group_members where group_id in (select id from renamed)),
            sources as (delete from console.group_data_sources where group_id in (select id from renamed))
            select count(*) from renamed
            """, connection, transaction);
        rename.Parameters.Add(new() { Value = id });
        rename.Parameters.Add(new() { Value = draft.Name!.Trim() });
        if ((long)(await UniqueNameAsync(draft, () => rename.ExecuteScalarAsync(ct)))! == 0) return false;
        await WriteMembersAndSourcesAsync(id, draft, connection, transaction, ct);
        await transaction.CommitAsync(ct);
        changes?.Changed();
        return true;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from console.groups where id = $1");
        command.Parameters.Add(new() { Value = id });
        var deleted = await command.ExecuteNonQueryAsync(ct) == 1;
        changes?.Changed();
        return deleted;
    }

    public async Task<IReadOnlyList<Group>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            select g.id, g.name,
                   coalesce((select array_agg(u.name order by u.name) from console.group_members m join console.users u on u.id = m.user_id where m.group_id = g.id), '{}'),
                   coalesce((select array_agg(s.data_source || '=' || s.access order by s.data_source) from console.group_data_sources s where s.group_id = g.id), '{}')
            from console.groups g order by g.name
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = new List<Group>();
        while (await reader.ReadAsync(ct))
            groups.Add(new Group(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<string[]>(2),
                reader.GetFieldValue<string[]>(3).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1])));
        return groups;
    }

    /// <summary>
    /// The user's access to each data source: a user in no group has Full access (Redash's default
    /// group); a user in groups has the best any of them gives; admins always Full.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DataSourceAccess>> AccessMapAsync(ConsoleUser user, CancellationToken ct)
    {
        if (user.IsAdmin) return DataSources.Names.ToDictionary(s => s, _ => DataSourceAccess.Full);
        return (await _access.GetAsync(user.Id, read => ReadAccessAsync(user, read), ct))!;
    }

    private async Task<IReadOnlyDictionary<string, DataSourceAccess>?> ReadAccessAsync(ConsoleUser user, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            select (select count(*) from console.group_members where user_id = $1), s.data_source, bool_or(s.access = 'full')
            from console.group_members m join console.group_data_sources s on s.group_id = m.group_id
            where m.user_id = $1 group by s.data_source
            union all select (select count(*) from console.group_members where user_id = $1), null, null
            """);
        command.Parameters.Add(new() { Value = user.Id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var map = DataSources.Names.ToDictionary(s => s, _ => DataSourceAccess.None);
        var inGroups = false;
        while (await reader.ReadAsync(ct))
        {
            inGroups = reader.GetInt64(0) > 0;
            if (!reader.IsDBNull(1)) map[reader.GetString(1)] = reader.GetBoolean(2) ? DataSourceAccess.Full : DataSourceAccess.View;
        }
        return inGroups ? map : DataSources.Names.ToDictionary(s => s, _ => DataSourceAccess.Full);
    }

    private static void Check(GroupDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name)) throw new QueryInputException("name is empty: name the group");
        if (draft.Name.Trim().Length > 100) throw new QueryInputException($"name has {draft.Name.Trim().Length} characters: at most 100");
        foreach (var (source, access) in draft.DataSources ?? [])
        {
            if (!DataSources.Names.Contains(source))
                throw new QueryInputException($"data source '{source}' is unknown: use {string.Join(", ", DataSources.Names)}");
            if (access is not ("full" or "view")) throw new QueryInputException($"access '{access}' to {source} is not full or view");
        }
    }

    private static async Task<object?> UniqueNameAsync(GroupDraft draft, Func<Task<object?>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new QueryInputException($"a group named '{draft.Name!.Trim()}' exists already");
        }
    }

    private static async Task WriteMembersAndSourcesAsync(int id, GroupDraft draft, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var member in (draft.Members ?? []).Select(m => m.Trim()).Distinct())
        {
            await using var add = new NpgsqlCommand(
                "insert into console.group_members (group_id, user_id) select $1, id from console.users where name = $2", connection, transaction);
            add.Parameters.Add(new() { Value = id });
            add.Parameters.Add(new() { Value = member });
            if (await add.ExecuteNonQueryAsync(ct) == 0) throw new QueryInputException($"member '{member}' is not a user");
        }
        foreach (var (source, access) in draft.DataSources ?? [])
        {
            await using var grant = new NpgsqlCommand("insert into console.group_data_sources values ($1, $2, $3)", connection, transaction);
            grant.Parameters.Add(new() { Value = id });
            grant.Parameters.Add(new() { Value = source });
            grant.Parameters.Add(new() { Value = access });
            await grant.ExecuteNonQueryAsync(ct);
        }
    }
}
