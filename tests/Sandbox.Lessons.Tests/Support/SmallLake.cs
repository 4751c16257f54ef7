using DuckDB.NET.Data;
using Npgsql;

namespace Sandbox.Lessons.Tests.Support;

/// <summary>
/// An in-memory DuckDB shaped like the lake (Sandbox.Lake's README): <c>events_raw</c> with the partition
/// columns dt and hour (arrival = received_at, UTC), the first 50 events archived a second time an hour
/// later (a redelivered batch), and <c>events</c> keeping the first copy of each event_id.
/// Building the real lake needs S3 objects; the lesson queries only need its tables.
/// </summary>
public sealed class SmallLake : IDisposable
{
    private SmallLake(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    public static async Task<SmallLake> CopyAsync(NpgsqlDataSource warehouse)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, """
            set TimeZone = 'UTC';
            create table events_raw (
              event_id varchar, event_name varchar, user_id varchar, anonymous_id varchar, session_id varchar,
              event_time timestamptz, received_at timestamptz, platform varchar, os_version varchar, device_model varchar,
              app_version varchar, locale varchar, properties json, dt varchar, hour integer)
            """);
        await using (var command = warehouse.CreateCommand("""
            select event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version,
                   device_model, app_version, locale, properties::text from events order by event_id
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        using (var appender = connection.CreateAppender("events_raw"))
        {
            var copies = 0;
            while (await reader.ReadAsync())
            {
                var receivedAt = reader.GetFieldValue<DateTime>(6);
                Append(appender, reader, receivedAt);
                if (copies++ < 50) Append(appender, reader, receivedAt.AddHours(1));
            }
        }
        Execute(connection, """
            create view events as
            select * exclude (copy_number) from (
              select *, row_number() over (partition by event_id order by dt, hour, received_at) as copy_number from events_raw)
            where copy_number = 1
            """);
        return new SmallLake(connection);
    }

    private static void Append(DuckDBAppender appender, NpgsqlDataReader reader, DateTime arrivedAt)
    {
        var row = appender.CreateRow();
        for (var i = 0; i < 13; i++)
        {
            if (reader.IsDBNull(i)) { row.AppendNullValue(); continue; }
            if (i is 5 or 6) row.AppendValue(reader.GetFieldValue<DateTime>(i));
            else row.AppendValue(reader.GetString(i));
        }
        row.AppendValue(arrivedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).AppendValue(arrivedAt.Hour).EndRow();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Connection.Dispose();
}
