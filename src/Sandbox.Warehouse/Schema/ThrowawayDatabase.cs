using Npgsql;

namespace Sandbox.Warehouse.Schema;

/// <summary>
/// A database of its own on the warehouse server — for a test, a scenario or a benchmark run —
/// created (and migrated, unless asked not to) up front and dropped on dispose. Created with the
/// admin role's connection string (CREATE DATABASE); <see cref="ConnectionStringAs"/> gives the
/// other roles' way in, so the pipeline runs there with the rights it has on the warehouse.
/// </summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ThrowawayDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The role of <paramref name="roleConnectionString"/> (e.g. the contract's delivery one) on this database.</summary>
    public string ConnectionStringAs(string roleConnectionString) =>
        new NpgsqlConnectionStringBuilder(roleConnectionString) { Database = Name }.ConnectionString;

    /// <param name="prefix">Lower-case letters, digits and underscores: the database is named prefix_&lt;random&gt;.</param>
    public static async Task<ThrowawayDatabase> CreateAsync(
        string serverConnectionString, string prefix, bool migrate = true, CancellationToken cancellationToken = default)
    {
        var database = new ThrowawayDatabase(serverConnectionString, $"{prefix}_{Guid.NewGuid():N}");
        try
        {
            await database.OnServerAsync($"create database {database.Name}", cancellationToken);
        }
        catch (NpgsqlException e)
        {
            await database.DataSource.DisposeAsync();
            throw new InvalidOperationException(
                $"the warehouse at '{new NpgsqlConnectionStringBuilder(serverConnectionString) { Password = null }}' does not answer: start the stack with 'make up' ({e.Message})", e);
        }
        if (migrate) await new Migrator(database.DataSource).MigrateAsync(cancellationToken);
        return database;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"drop database if exists {Name} with (force)", CancellationToken.None);
    }

    private async Task OnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var server = NpgsqlDataSource.Create(_serverConnectionString);
        await using var command = server.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
