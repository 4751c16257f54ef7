using System.Runtime.CompilerServices;
using Sandbox.AppDatabase.Schema;

namespace Sandbox.Stack.Bootstrap;

/// <summary>Applies the app database migrations in order (recorded in its schema_migrations).</summary>
public sealed class AppDatabaseSchemaStep(AppDbMigrator migrator, IReadOnlyList<Migration> migrations) : IBootstrapStep
{
    public string Service => "appdb";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var applied = (await migrator.MigrateAsync(cancellationToken)).Select(m => m.Version).ToHashSet();
        foreach (var migration in migrations)
            yield return new(Service, $"migration {migration}", applied.Contains(migration.Version) ? ResourceState.Created : ResourceState.Existed);
    }
}
