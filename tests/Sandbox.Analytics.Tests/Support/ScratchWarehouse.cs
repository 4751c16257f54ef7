using Npgsql;
using NpgsqlTypes;
using Sandbox.Core.Endpoints;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>A throwaway database on the running warehouse server with the real schema, dropped on dispose.</summary>
public sealed class ScratchWarehouse : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;

    private ScratchWarehouse(ThrowawayDatabase database) => _database = database;

    public NpgsqlDataSource DataSource => _database.DataSource;

    public static async Task<ScratchWarehouse> CreateAsync() =>
        new(await ThrowawayDatabase.CreateAsync(EndpointsLoader.Load().WarehouseAdminConnectionString, "analytics_scratch"));

    public async Task LoadAsync(IEnumerable<EventRow> events)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy events (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties) from stdin (format binary)"))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync();
                foreach (var text in new[] { e.EventId, e.EventName, e.UserId, e.AnonymousId, e.SessionId })
                    await copy.WriteAsync(text, NpgsqlDbType.Text);
                await copy.WriteAsync(e.EventTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.ReceivedAt, NpgsqlDbType.TimestampTz);
                foreach (var text in new[] { e.Platform, e.OsVersion, e.DeviceModel, e.AppVersion, e.Locale })
                    await copy.WriteAsync(text, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Properties, NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("analyze events", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public Task<T?> ScalarAsync<T>(string sql) => _database.ScalarAsync<T>(sql);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
