using Npgsql;
using Sandbox.Testing;

namespace Sandbox.Warehouse.Tests;

/// <summary>A throwaway database on the stack's warehouse server, so schema tests start empty.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _server;
    private readonly string _name;

    private ScratchDatabase(NpgsqlDataSource server, string name, NpgsqlDataSource database)
    {
        _server = server;
        _name = name;
        DataSource = database;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchDatabase> CreateAsync(StackFixture stack)
    {
        var name = $"scratch_{Guid.NewGuid():N}";
        await using (var create = stack.Stack.Warehouse.CreateCommand($"create database {name}"))
            await create.ExecuteNonQueryAsync();
        var builder = new NpgsqlConnectionStringBuilder(stack.Endpoints.WarehouseConnectionString) { Database = name, Pooling = false };
        return new ScratchDatabase(stack.Stack.Warehouse, name, NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var drop = _server.CreateCommand($"drop database if exists {_name} with (force)");
        await drop.ExecuteNonQueryAsync();
    }
}
