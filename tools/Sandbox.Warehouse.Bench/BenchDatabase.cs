using Npgsql;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Bench;

/// <summary>A throwaway, migrated database on the warehouse server, dropped at the end of the run.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;

    private BenchDatabase(ThrowawayDatabase database) => _database = database;

    public NpgsqlDataSource DataSource => _database.DataSource;

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString) =>
        new(await ThrowawayDatabase.CreateAsync(serverConnectionString, "bench"));

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

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
