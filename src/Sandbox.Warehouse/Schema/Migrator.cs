using Npgsql;

namespace Sandbox.Warehouse.Schema;

/// <summary>
/// Applies pending migrations in order, each in its own transaction, recording them in
/// schema_migrations. Safe to run concurrently (advisory lock) and repeatedly (idempotent).
/// With a schema, the history lives in that schema (created if missing) and the lock is its own:
/// another box (e.g. the console) keeps its migrations apart from the warehouse's.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, string? schema = null)
{
    // Arbitrary constant: serialises concurrent bootstraps on one warehouse.
    private const long WarehouseLockKey = 0x5A4E_D0B0;

    private readonly string _history = schema is null ? "schema_migrations" : $"{QuotedSchema(schema)}.schema_migrations";
    private readonly long _lockKey = schema is null ? WarehouseLockKey : WarehouseLockKey + StableHash(schema);

    public Migrator(NpgsqlDataSource dataSource) : this(dataSource, MigrationCatalog.Embedded) { }

    /// <returns>The migrations applied by this call (empty when the schema was already current).</returns>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Session-level lock: even creating schema_migrations races between concurrent bootstraps.
        await Execute(connection, $"select pg_advisory_lock({_lockKey})", cancellationToken);
        try
        {
            return await ApplyPendingAsync(connection, cancellationToken);
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({_lockKey})", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<Migration>> ApplyPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (schema is not null) await Execute(connection, $"create schema if not exists {QuotedSchema(schema)}", cancellationToken);
        await using (var setup = new NpgsqlCommand(
            $"""
            create table if not exists {_history} (
              version integer primary key,
              name text not null,
              checksum text not null,
              applied_at timestamptz not null default now())
            """, connection))
            await setup.ExecuteNonQueryAsync(cancellationToken);

        var applied = new List<Migration>();
        foreach (var migration in migrations)
        {
            if (migration.IsApplied(await RecordedChecksum(connection, migration.Version, cancellationToken))) continue;

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, migration.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand(
                $"insert into {_history} (version, name, checksum) values ($1, $2, $3)", connection))
            {
                record.Parameters.Add(new() { Value = migration.Version });
                record.Parameters.Add(new() { Value = migration.Name });
                record.Parameters.Add(new() { Value = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }
        return applied;
    }

    private async Task<string?> RecordedChecksum(NpgsqlConnection connection, int version, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand($"select checksum from {_history} where version = $1", connection);
        query.Parameters.Add(new() { Value = version });
        return await query.ExecuteScalarAsync(ct) as string;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string QuotedSchema(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$")
            ? name
            : throw new ArgumentException($"migration schema '{name}' must be lower-case letters, digits and underscores", "schema");

    // A string's hash that stays the same across processes (string.GetHashCode does not).
    private static long StableHash(string text) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))) & 0x7FFF_FFFF;
}
