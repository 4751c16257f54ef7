using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// The baselines: Npgsql binary COPY (NpgsqlBinaryImporter) of the same rows, already typed in memory,
/// into a fresh table. <see cref="Indexed"/> is the one the loader is judged on: a copy of events
/// with its keys and indexes (<c>like events including all</c>), which the loader cannot avoid (the PK
/// gives exactly-once, the indexes were chosen by measurement). <see cref="Bare"/> has events' columns
/// only, to show what the keys and indexes cost.
/// </summary>
internal sealed class RawCopyBaseline
{
    public static readonly RawCopyBaseline Indexed = new("indexed_events", "create table indexed_events (like events including all)");
    public static readonly RawCopyBaseline Bare = new("bare_events", "create table bare_events as select * from events with no data");

    private readonly string _table;
    private readonly string _create;

    private RawCopyBaseline(string table, string create) => (_table, _create) = (table, create);

    public async Task<TimeSpan> RunAsync(NpgsqlDataSource database, IReadOnlyList<SyntheticEvent> rows)
    {
        // Same starting state as the loader's round: an empty table and a checkpoint just taken.
        await using (var reset = database.CreateCommand($"drop table if exists {_table}; {_create}; checkpoint"))
            await reset.ExecuteNonQueryAsync();

        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"copy {_table} (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, " +
            "os_version, device_model, app_version, locale, properties) from stdin (format binary)"))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                importer.Write(row.EventId, NpgsqlDbType.Text);
                importer.Write(row.EventName, NpgsqlDbType.Text);
                if (row.UserId is null) importer.WriteNull(); else importer.Write(row.UserId, NpgsqlDbType.Text);
                importer.Write(row.AnonymousId, NpgsqlDbType.Text);
                importer.Write(row.SessionId, NpgsqlDbType.Text);
                importer.Write(row.EventTime, NpgsqlDbType.TimestampTz);
                importer.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
                importer.Write(row.Platform, NpgsqlDbType.Text);
                importer.Write(row.OsVersion, NpgsqlDbType.Text);
                importer.Write(row.DeviceModel, NpgsqlDbType.Text);
                importer.Write(row.AppVersion, NpgsqlDbType.Text);
                importer.Write(row.Locale, NpgsqlDbType.Text);
                importer.Write(row.Properties, NpgsqlDbType.Jsonb);
            }
            await importer.CompleteAsync();
        }
        var elapsed = clock.Elapsed;
        // Free the space before the next measurement; the table is not needed after timing.
        await using (var drop = database.CreateCommand($"drop table {_table}"))
            await drop.ExecuteNonQueryAsync();
        return elapsed;
    }
}
