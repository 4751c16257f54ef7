using Npgsql;
using Sandbox.Console.Queries;

namespace Sandbox.Console.State;

public enum DataSourceAccess { None, View, Full }

public sealed record GroupDraft(string? Name, IReadOnlyList<string>? Members, Dictionary<string, string>? DataSources);

/// <summary>Groups, their members and their access per data source (console.groups and friends).</summary>
public sealed class GroupStore(NpgsqlDataSource dataSource)
{
    /// <summary>The only data source so far: the warehouse through the Redshift endpoint.</summary>
    public const string Warehouse = "warehouse";

    public async Task<int> CreateAsync(GroupDraft draft, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(draft.Name)) throw new QueryInputException("name is empty: name the group");
        foreach (var (source, access) in draft.DataSources ?? [])
        {
            if (source != Warehouse) throw new QueryInputException($"data source '{source}' is unknown: use {Warehouse}");
            if (access is not ("full" or "view")) throw new QueryInputException($"access '{access}' to {source} is not full or view");
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = new NpgsqlCommand("insert into console.groups (name) values ($1) returning id", connection, transaction);
        insert.Parameters.Add(new() { Value = draft.Name.Trim() });
        var id = (int)(await insert.ExecuteScalarAsync(ct))!;
        foreach (var member in draft.Members ?? [])
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
        await transaction.CommitAsync(ct);
        return id;
    }

    public async Task<DataSourceAccess> AccessAsync(ConsoleUser user, string source, CancellationToken ct)
    {
        if (user.IsAdmin) return DataSourceAccess.Full;
        await using var command = dataSource.CreateCommand(
            """
            select count(*), coalesce(bool_or(s.access = 'full'), false), coalesce(bool_or(s.access = 'view'), false)
            from console.group_members m left join console.group_data_sources s on s.group_id = m.group_id and s.data_source = $2
            where m.user_id = $1
            """);
        command.Parameters.Add(new() { Value = user.Id });
        command.Parameters.Add(new() { Value = source });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetInt64(0) == 0 || reader.GetBoolean(1)) return DataSourceAccess.Full;
        return reader.GetBoolean(2) ? DataSourceAccess.View : DataSourceAccess.None;
    }
}
