using System.Reflection;

namespace Sandbox.Warehouse.Schema;

/// <summary>The warehouse migrations shipped in this assembly (Schema/Migrations/NNNN_name.sql), in version order.</summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> Embedded { get; } = Load(typeof(MigrationCatalog).Assembly);

    public static IReadOnlyList<Migration> Load(Assembly assembly) => MigrationFiles.Load(assembly);

    public static Migration Parse(string fileName, string sql) => MigrationFiles.Parse(fileName, sql);

    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations) => MigrationFiles.Ordered(migrations);
}
