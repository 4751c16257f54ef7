using MySqlConnector;
using Sandbox.Core.Schema;

namespace Sandbox.AppDatabase.Schema;

/// <summary>
/// Applies pending app database migrations in order, recording each (with its checksum) in
/// schema_migrations. MySQL commits DDL as it goes, so a migration is recorded only after all its
/// statements succeeded; GET_LOCK serialises concurrent bootstraps.
/// </summary>
public sealed class AppDbMigrator(string connectionString, IReadOnlyList<Migration> migrations)
{
    private const string LockName = "sandbox_appdb_migrations";

    public AppDbMigrator(string connectionString) : this(connectionString, AppDbMigrations.Embedded) { }

    /// <returns>The migrations applied by this call (empty when the schema was already current).</returns>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(connectionString, cancellationToken);
        if (await ScalarAsync(connection, $"select get_lock('{LockName}', 60)", cancellationToken) is not 1L and not 1)
            throw new InvalidOperationException($"another bootstrap holds the app database migration lock on {AppDatabaseConnection.Describe(connectionString)}");
        try
        {
            await ExecuteAsync(connection,
                """
                create table if not exists schema_migrations (
                  version int primary key,
                  name varchar(128) not null,
                  checksum char(64) not null,
                  applied_at datetime(3) not null default current_timestamp(3))
                """, cancellationToken);
            var applied = new List<Migration>();
            foreach (var migration in migrations)
            {
                var recorded = await ScalarAsync(connection, $"select checksum from schema_migrations where version = {migration.Version}", cancellationToken);
                if (migration.IsApplied(recorded as string)) continue;
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await using var record = new MySqlCommand("insert into schema_migrations (version, name, checksum) values (@v, @n, @c)", connection);
                record.Parameters.AddWithValue("@v", migration.Version);
                record.Parameters.AddWithValue("@n", migration.Name);
                record.Parameters.AddWithValue("@c", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(migration);
            }
            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, $"do release_lock('{LockName}')", CancellationToken.None);
        }
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
