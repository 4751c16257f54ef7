using Npgsql;
using Sandbox.Core.Schema;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Console.State;

/// <summary>The console schema: its migrations (State/Migrations, checksummed) applied by the warehouse's Migrator.</summary>
public sealed class ConsoleDatabase(NpgsqlDataSource dataSource)
{
    public const string Schema = "console";

    public static IReadOnlyList<Migration> Migrations { get; } = MigrationCatalog.Load(typeof(ConsoleDatabase).Assembly);

    public NpgsqlDataSource DataSource => dataSource;

    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        new Migrator(dataSource, Migrations, Schema).MigrateAsync(cancellationToken);

    /// <summary>The newest applied migration version: the health check's real call.</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(version), 0) from {Schema}.schema_migrations");
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
