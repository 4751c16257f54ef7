using System.Diagnostics;
using MySqlConnector;
using Sandbox.AppDatabase;
using Sandbox.AppDatabase.Loading;
using Sandbox.Generator.Truth;

namespace Sandbox.Generator.AppData;

/// <summary>
/// Output "appdb": replaces the app database's rows with the timeline's (truncate, then LOAD DATA
/// LOCAL INFILE per table, parents first, foreign keys checked by the server while loading).
/// The schema comes from `sandbox bootstrap`; a missing one is a clear error, not a silent create.
/// </summary>
public static class AppDbWriter
{
    public static async Task<AppDatabaseTruth> WriteAsync(AppDataTimeline timeline, string connectionString, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await AppDatabaseConnection.OpenAsync(connectionString, cancellationToken);
        await RequireSchemaAsync(connection, connectionString, cancellationToken);
        await ExecuteAsync(connection,
            "set foreign_key_checks = 0; " + string.Concat(AppDataRows.Tables.Select(t => $"truncate table `{t.Name}`; ")) + "set foreign_key_checks = 1",
            cancellationToken);
        // Rows are built on the thread pool while earlier tables load: the server works, the client keeps up.
        var built = AppDataRows.Tables
            .Select(table => (table, rows: Task.Run(() => table.Build(timeline), cancellationToken)))
            .ToList();
        var counts = new Dictionary<string, long>();
        foreach (var (table, rows) in built)
            counts[table.Name] = await TableLoader.LoadAsync(connection, table.Name, table.Columns, await rows, cancellationToken);
        var checksums = await ChecksumsAsync(connection, cancellationToken);
        return AppDatabaseTruth.From(timeline, AppDatabaseConnection.Describe(connectionString), counts, clock.Elapsed) with { Checksums = checksums };
    }

    /// <summary>The server's CHECKSUM TABLE of every app table (a table with no checksum, e.g. dropped, is left out, so it never matches).</summary>
    public static async Task<IReadOnlyDictionary<string, ulong>> ChecksumsAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(connectionString, cancellationToken);
        await RequireSchemaAsync(connection, connectionString, cancellationToken);
        return await ChecksumsAsync(connection, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, ulong>> ChecksumsAsync(MySqlConnection connection, CancellationToken ct)
    {
        await using var command = new MySqlCommand(
            "checksum table " + string.Join(", ", AppDataRows.Tables.Select(t => $"`{t.Name}`")), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var checksums = new Dictionary<string, ulong>();
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(1))
                checksums[reader.GetString(0).Split('.')[^1]] = Convert.ToUInt64(reader.GetValue(1));
        return checksums;
    }

    /// <summary>Fails now, before any events are generated, when the app database is down or not bootstrapped.</summary>
    public static async Task EnsureReadyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(connectionString, cancellationToken);
        await RequireSchemaAsync(connection, connectionString, cancellationToken);
    }

    private static async Task RequireSchemaAsync(MySqlConnection connection, string connectionString, CancellationToken ct)
    {
        await using var command = new MySqlCommand(
            "select count(*) from information_schema.tables where table_schema = database() and table_name in (" +
            string.Join(", ", AppDataRows.Tables.Select(t => $"'{t.Name}'")) + ")", connection);
        var present = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
        if (present != AppDataRows.Tables.Count)
            throw new InvalidOperationException(
                $"the app database at {AppDatabaseConnection.Describe(connectionString)} has {present} of the {AppDataRows.Tables.Count} app tables: run 'sandbox bootstrap' first");
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
