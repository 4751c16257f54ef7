using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// A binary COPY of event rows, either straight into events (the fast path, when no row is already
/// there) or into the per-load staging table (temporary: no WAL, dropped at commit) from which
/// one INSERT .. ON CONFLICT moves the new rows into events.
/// </summary>
internal sealed class EventCopy : IRowSink, IAsyncDisposable
{
    private const string Columns =
        "event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties";

    private readonly NpgsqlBinaryImporter _importer;

    private EventCopy(NpgsqlBinaryImporter importer) => _importer = importer;

    public long Rows { get; private set; }

    public static async Task<EventCopy> IntoEventsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        new(await connection.BeginBinaryImportAsync($"copy events ({Columns}) from stdin (format binary)", ct));

    public static async Task<EventCopy> IntoStagingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            $"create temp table if not exists staging_events on commit drop as select {Columns} from events with no data", connection))
            await create.ExecuteNonQueryAsync(ct);
        return new EventCopy(await connection.BeginBinaryImportAsync($"copy staging_events ({Columns}) from stdin (format binary)", ct));
    }

    public void Write(in EventRow row)
    {
        _importer.StartRow();
        _importer.Write(row.EventId!, NpgsqlDbType.Text);
        _importer.Write(row.EventName!, NpgsqlDbType.Text);
        WriteOptional(row.UserId);
        WriteOptional(row.AnonymousId);
        WriteOptional(row.SessionId);
        _importer.Write(row.EventTime, NpgsqlDbType.TimestampTz);
        _importer.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
        WriteOptional(row.Platform);
        WriteOptional(row.OsVersion);
        WriteOptional(row.DeviceModel);
        WriteOptional(row.AppVersion);
        WriteOptional(row.Locale);
        _importer.Write(row.Properties, NpgsqlDbType.Jsonb);
        Rows++;
    }

    public async Task CompleteAsync(CancellationToken ct) => await _importer.CompleteAsync(ct);

    /// <summary>Moves the staged rows into events; returns how many were new (the rest were duplicates).</summary>
    public static async Task<long> InsertNewEventsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            $"insert into events ({Columns}) select {Columns} from staging_events on conflict (event_id) do nothing", connection);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _importer.DisposeAsync();

    private void WriteOptional(string? value)
    {
        if (value is null) _importer.WriteNull();
        else _importer.Write(value, NpgsqlDbType.Text);
    }
}
