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

    public string Describe() => $"warehouse:{new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database}";

    public IServerEventStream OpenServer(string serverName) =>
        new WarehouseServerLoad(warehouse.OpenConnection(), validator, $"{lineRefPrefix}/{serverName}", Stats);
}
