using Sandbox.Core.Bootstrap;

namespace Sandbox.AppDatabase.Schema;

/// <summary>The app database's part of `sandbox bootstrap`: its embedded migrations, applied as its admin role.</summary>
public static class AppDbBootstrap
{
    public static IBootstrapStep Step(string adminConnectionString) =>
        new MigrationsStep("appdb", new AppDbMigrator(adminConnectionString).MigrateAsync, AppDbMigrations.Embedded);
}
