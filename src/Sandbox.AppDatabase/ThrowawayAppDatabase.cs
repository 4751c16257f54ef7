using MySqlConnector;
using Sandbox.AppDatabase.Schema;

namespace Sandbox.AppDatabase;

/// <summary>
/// A database of its own on the app database server (named app_&lt;prefix&gt;_&lt;random&gt;, which the
/// admin role may create) for a test or a benchmark run: created and migrated up front, dropped on dispose.
/// </summary>
public sealed class ThrowawayAppDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ThrowawayAppDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name, AllowLoadLocalInfile = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<ThrowawayAppDatabase> CreateAsync(
        string serverConnectionString, string prefix, bool migrate = true, CancellationToken cancellationToken = default)
    {
        var database = new ThrowawayAppDatabase(serverConnectionString, $"app_{prefix}_{Guid.NewGuid():N}");
        await database.OnServerAsync($"create database `{database.Name}` character set utf8mb4 collate utf8mb4_bin", cancellationToken);
        if (migrate) await new AppDbMigrator(database.ConnectionString).MigrateAsync(cancellationToken);
        return database;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(ConnectionString);
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T));
    }

    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        await OnServerAsync($"drop database if exists `{Name}`", CancellationToken.None);
    }

    private async Task OnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(
            new MySqlConnectionStringBuilder(_serverConnectionString) { Database = "" }.ConnectionString, cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
