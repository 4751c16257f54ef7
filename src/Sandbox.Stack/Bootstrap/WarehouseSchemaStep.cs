using System.Runtime.CompilerServices;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Stack.Bootstrap;

/// <summary>Applies the warehouse migrations in order (recorded in schema_migrations).</summary>
public sealed class WarehouseSchemaStep(Migrator migrator, IReadOnlyList<Migration> migrations) : IBootstrapStep
{
    public string Service => "warehouse";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var applied = (await migrator.MigrateAsync(cancellationToken)).Select(m => m.Version).ToHashSet();
        foreach (var migration in migrations)
            yield return new(Service, $"migration {migration}", applied.Contains(migration.Version) ? ResourceState.Created : ResourceState.Existed);
    }
}
