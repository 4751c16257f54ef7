using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Warehouse;

public static class WarehouseDataSource
{
    public static NpgsqlDataSource Create(SandboxEndpoints endpoints) =>
        NpgsqlDataSource.Create(endpoints.WarehouseConnectionString);
}
