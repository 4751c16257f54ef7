using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Isolation;

/// <summary>
/// A run's own resources on a shared stack, as the endpoints contract names them: the names derived
/// from a prefix and the run's id, the run's endpoints (its names, its database for every role), and
/// the contract variables that point a `sandbox` process at them. One mapping for every kind of run
/// (<see cref="IsolatedResources"/> for scenarios and fault tests, `sandbox load`'s runs).
/// </summary>
public static class RunContract
{
    /// <param name="prefix">Lower-case letters and digits.</param>
    /// <param name="id">Lower-case letters, digits and hyphens: names read prefix-&lt;id&gt;-archive, prefix_&lt;id&gt;_leases...</param>
    public static ResourceNames Names(string prefix, string id, int shards) => new(
        Stream: $"{prefix}-{id}",
        StreamShards: shards,
        ArchiveBucket: $"{prefix}-{id}-archive",
        StagingBucket: $"{prefix}-{id}-staging",
        ErrorBucket: $"{prefix}-{id}-errors",
        ClickLogTable: $"{prefix}_{id}_click_logs",
        LeaseTable: $"{prefix}_{id}_leases");

    /// <summary>The shared stack's endpoints with the run's names, and its database for each of the three roles.</summary>
    public static SandboxEndpoints On(SandboxEndpoints shared, ResourceNames names, string database) => shared with
    {
        WarehouseConnectionString = OnDatabase(shared.WarehouseConnectionString, database),
        WarehouseAdminConnectionString = OnDatabase(shared.WarehouseAdminConnectionString, database),
        WarehouseAnalystConnectionString = OnDatabase(shared.WarehouseAnalystConnectionString, database),
        Resources = names,
    };

    /// <summary>
    /// The contract variables that point a `sandbox` process at the run (on top of the shared stack's
    /// endpoints.env). <paramref name="pooling"/> false: a killed process leaves no idle connections
    /// behind that would keep the run's database from being dropped.
    /// </summary>
    public static Dictionary<string, string> Variables(SandboxEndpoints run, bool pooling)
    {
        var names = run.Resources;
        string Connection(string connectionString) =>
            pooling ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        return new Dictionary<string, string>
        {
            ["SANDBOX_STREAM"] = names.Stream,
            ["SANDBOX_STREAM_SHARDS"] = names.StreamShards.ToString(),
            ["SANDBOX_LEASE_TABLE"] = names.LeaseTable,
            ["SANDBOX_ARCHIVE_BUCKET"] = names.ArchiveBucket,
            ["SANDBOX_STAGING_BUCKET"] = names.StagingBucket,
            ["SANDBOX_ERROR_BUCKET"] = names.ErrorBucket,
            ["SANDBOX_CLICKLOG_TABLE"] = names.ClickLogTable,
            // Each role on the run's database: bootstrap migrates as admin, the pipeline loads as delivery.
            ["SANDBOX_WAREHOUSE"] = Connection(run.WarehouseConnectionString),
            ["SANDBOX_WAREHOUSE_ADMIN"] = Connection(run.WarehouseAdminConnectionString),
            ["SANDBOX_WAREHOUSE_ANALYST"] = Connection(run.WarehouseAnalystConnectionString),
        };
    }

    private static string OnDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
