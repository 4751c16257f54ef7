using DuckDB.NET.Data;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>An in-memory DuckDB with an <c>events</c> table shaped like the lake's view.</summary>
public sealed class MemoryLake : IDisposable
{
    public MemoryLake()
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        using var create = Connection.CreateCommand();
        create.CommandText = """
            create table events (
              event_id varchar, event_name varchar, user_id varchar, anonymous_id varchar, session_id varchar,
              event_time timestamptz, received_at timestamptz, platform varchar, os_version varchar, device_model varchar,
              app_version varchar, locale varchar, properties json)
            """;
        create.ExecuteNonQuery();
    }

    public DuckDBConnection Connection { get; }

    public void Load(IEnumerable<EventRow> events)
    {
        using var appender = Connection.CreateAppender("events");
        foreach (var e in events)
        {
            appender.CreateRow()
                .AppendValue(e.EventId).AppendValue(e.EventName).AppendValue(e.UserId).AppendValue(e.AnonymousId).AppendValue(e.SessionId)
                .AppendValue(e.EventTime).AppendValue(e.ReceivedAt).AppendValue(e.Platform).AppendValue(e.OsVersion)
                .AppendValue(e.DeviceModel).AppendValue(e.AppVersion).AppendValue(e.Locale).AppendValue(e.Properties)
                .EndRow();
        }
    }

    public void Dispose() => Connection.Dispose();
}
