using Npgsql;
using Sandbox.Core.Bootstrap;

namespace Sandbox.Warehouse.Schema;

/// <summary>The warehouse's part of `sandbox bootstrap`: its embedded migrations, applied as the admin role.</summary>
public static class WarehouseBootstrap
{
    public static IBootstrapStep Step(NpgsqlDataSource admin) =>
        new MigrationsStep("warehouse", new Migrator(admin).MigrateAsync, MigrationCatalog.Embedded);
}
