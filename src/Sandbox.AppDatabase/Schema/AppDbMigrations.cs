using Sandbox.Core.Schema;

namespace Sandbox.AppDatabase.Schema;

/// <summary>The app database's migrations (Schema/Migrations/NNNN_name.sql), in version order.</summary>
public static class AppDbMigrations
{
    public static IReadOnlyList<Migration> Embedded { get; } = MigrationFiles.Load(typeof(AppDbMigrations).Assembly);
}
