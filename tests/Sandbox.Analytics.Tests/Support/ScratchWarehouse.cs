using Npgsql;
using NpgsqlTypes;
using Sandbox.Core.Endpoints;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>A throwaway database on the running warehouse server with the real schema, dropped on dispose.</summary>
public sealed class ScratchWarehouse : IAsyncDisposable
{
    private readonly NpgsqlDataSource _server;
    private readonly string _name;

    private ScratchWarehouse(NpgsqlDataSource server, string name, NpgsqlDataSource database)
    {
        _server = server;
        _name = name;
        DataSource = database;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchWarehouse> CreateAsync()
    {
        var connectionString = EndpointsLoader.Load().WarehouseConnectionString;
        var server = NpgsqlDataSource.Create(connectionString);
        var name = $"analytics_scratch_{Guid.NewGuid():N}";
        try
        {
            await using var create = server.CreateCommand($"create database {name}");
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"the warehouse at '{connectionString}' does not answer: start the stack with 'make up' ({e.Message})", e);
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name, Pooling = false };
        var scratch = new ScratchWarehouse(server, name, NpgsqlDataSource.Create(builder.ConnectionString));
        await new Migrator(scratch.DataSource).MigrateAsync();
        return scratch;
    }

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

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using (var drop = _server.CreateCommand($"drop database if exists {_name} with (force)"))
            await drop.ExecuteNonQueryAsync();
        await _server.DisposeAsync();
    }
}
