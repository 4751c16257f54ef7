using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Sync.Tests;

/// <summary>
/// An app database with the contract's tables and a migrated throwaway warehouse database, both of
/// the test's own, and the repository's sync/*.yml configs pointed at them.
/// </summary>
public sealed class SyncTestBed : IAsyncDisposable
{
    private SyncTestBed(PrivateMariaDb server, string admin, string reader, ThrowawayDatabase warehouse)
    {
        Server = server;
        AppDbAdmin = admin;
        AppDbReader = reader;
        Warehouse = warehouse;
    }

    public PrivateMariaDb Server { get; }
    public string AppDbAdmin { get; }
    public string AppDbReader { get; }
    public ThrowawayDatabase Warehouse { get; }
    public NpgsqlDataSource WarehouseData => Warehouse.DataSource;

    /// <param name="server">The collection's MariaDB (null: not installed, the test is skipped) or a test's own.</param>
    public static async Task<SyncTestBed> CreateAsync(StackFixture stack, PrivateMariaDb? server, int users = 0)
    {
        Skip.If(server is null, "MariaDB is not installed here: run 'make deps'");
        var (admin, reader) = await server!.CreateDatabaseAsync();
        await server.ExecuteAsync(AppSchema.CreateTables, admin);
        if (users > 0) await server.ExecuteAsync(AppSchema.Fill(users), admin);
        var warehouse = await ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "sync");
        return new SyncTestBed(server, admin, reader, warehouse);
    }

    public static SyncTableConfig RepositoryConfig(string table) =>
        SyncConfigLoader.LoadFile(RepositoryRoot.Combine("sync", $"{table}.yml"));

    public SyncRunner Runner(string? appDb = null) => new(WarehouseData, appDb ?? AppDbReader);

    public Task<TableRunResult> RunAsync(SyncTableConfig config, bool full = false) => Runner().RunAsync(config, full, CancellationToken.None);

    public Task<TableRunResult> RunAsync(string table) => RunAsync(RepositoryConfig(table));

    public Task AppDbAsync(string sql) => Server.ExecuteAsync(sql, AppDbAdmin);

    public async Task AssertTargetEqualsSourceAsync(string table, string columns = "*")
    {
        var source = await TableRows.FromAppDbAsync(AppDbAdmin, table, columns);
        var target = await TableRows.FromWarehouseAsync(WarehouseData, $"app.{table}", columns);
        Assert.Equal(source.Count, target.Count);
        Assert.Equal(source, target);
    }

    /// <summary>The cursor app.sync_state keeps for <paramref name="table"/> (jsonb, so compared as jsonb).</summary>
    public async Task<bool> StoredCursorIsAsync(string table, Sandbox.Sync.Source.Cursor expected)
    {
        await using var command = WarehouseData.CreateCommand("select last_record = $2::jsonb from app.sync_state where table_name = $1");
        command.Parameters.Add(new() { Value = table });
        command.Parameters.Add(new() { Value = expected.ToJson() });
        return await command.ExecuteScalarAsync() is true;
    }

    public Task<T?> ScalarAsync<T>(string sql) => Warehouse.ScalarAsync<T>(sql);

    public async ValueTask DisposeAsync() => await Warehouse.DisposeAsync();
}
