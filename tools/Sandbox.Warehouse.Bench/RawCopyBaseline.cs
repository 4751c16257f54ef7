using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Warehouse.Bench;

/// <summary>The baseline: Npgsql binary COPY of already-typed rows into a bare table (events' columns, no keys, no indexes).</summary>
internal static class RawCopyBaseline
{
    public static async Task<TimeSpan> RunAsync(NpgsqlDataSource database, IReadOnlyList<SyntheticEvent> rows)
    {
        await using (var reset = database.CreateCommand(
            "drop table if exists bare_events; create table bare_events as select * from events with no data"))
            await reset.ExecuteNonQueryAsync();

        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy bare_events (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, " +
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
        return clock.Elapsed;
    }
}
