using Npgsql;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Bench;

/// <summary>A throwaway, migrated database on the warehouse server, dropped at the end of the run.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _server;
    private readonly string _name;

    private BenchDatabase(NpgsqlDataSource server, string name, NpgsqlDataSource database)
    {
        _server = server;
        _name = name;
        DataSource = database;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString)
    {
        var server = NpgsqlDataSource.Create(serverConnectionString);
        var name = $"bench_{Guid.NewGuid():N}";
        await using (var create = server.CreateCommand($"create database {name}"))
            await create.ExecuteNonQueryAsync();
        var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString);
        await new Migrator(database).MigrateAsync();
        return new BenchDatabase(server, name, database);
    }

    /// <summary>Empties the loader's tables so every round inserts into the same starting state.</summary>
    public async Task ResetAsync()
    {
        await using var truncate = DataSource.CreateCommand("truncate events, bad_events, load_commits; checkpoint");
        await truncate.ExecuteNonQueryAsync();
    }

    public async Task DropIndexAsync(string index)
    {
        await using var drop = DataSource.CreateCommand($"drop index {index}");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var count = DataSource.CreateCommand($"select count(*) from {table}");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using (var drop = _server.CreateCommand($"drop database if exists {_name} with (force)"))
            await drop.ExecuteNonQueryAsync();
        await _server.DisposeAsync();
    }
}
