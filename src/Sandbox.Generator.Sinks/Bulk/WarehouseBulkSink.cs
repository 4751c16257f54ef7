using Npgsql;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// Output (c), warehouse: each app server loads its lines hour by hour (received_at) through the
/// loader's own path — tracking-plan check, binary COPY into a staging table, INSERT .. ON CONFLICT
/// (event_id) DO NOTHING, bad lines into bad_events — one transaction per server-hour.
/// </summary>
/// <param name="lineRefPrefix">Names bad lines in bad_events.line_ref (with server, hour and line), e.g. "generator:seed-42".</param>
public sealed class WarehouseBulkSink(NpgsqlDataSource warehouse, EventValidator validator, string lineRefPrefix) : IEventSink
{
    /// <summary>bad_events.source of the lines this sink rejects.</summary>
    public const string Source = "generator";

    public WarehouseBulkStats Stats { get; } = new();

    /// <summary>
    /// Seconds each bulk command (COPY, INSERT .. ON CONFLICT, commit) may take: none. One server-hour of a big day
    /// is millions of rows, and on a busy machine its insert outlasts Npgsql's default 30 s; the connection strings
    /// of the contract keep their default for everything else.
    /// </summary>
    public const int CommandTimeoutSeconds = 0;

    public string Describe() => $"warehouse:{new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database}";

    public IServerEventStream OpenServer(string serverName) =>
        new WarehouseServerLoad(OpenConnection(), validator, $"{lineRefPrefix}/{serverName}", Stats);

    /// <summary>A connection of the data source (same role and password) whose commands run under <see cref="CommandTimeoutSeconds"/>.</summary>
    internal NpgsqlConnection OpenConnection()
    {
        using var template = warehouse.CreateConnection();
        var settings = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { CommandTimeout = CommandTimeoutSeconds };
        var connection = template.CloneWith(settings.ConnectionString);
        connection.Open();
        return connection;
    }
}
