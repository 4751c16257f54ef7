using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Warehouse;

/// <summary>Data sources per warehouse role (the README's "The warehouse's roles and passwords"): the pipeline's and bootstrap's.</summary>
public static class WarehouseDataSource
{
    /// <summary>sandbox_delivery: what the pipeline loads with.</summary>
    public static NpgsqlDataSource Create(SandboxEndpoints endpoints) =>
        NpgsqlDataSource.Create(endpoints.WarehouseConnectionString);

    /// <summary>sandbox_admin: migrations, history rewrites, VACUUM.</summary>
    public static NpgsqlDataSource CreateAdmin(SandboxEndpoints endpoints) =>
        NpgsqlDataSource.Create(endpoints.WarehouseAdminConnectionString);
}
