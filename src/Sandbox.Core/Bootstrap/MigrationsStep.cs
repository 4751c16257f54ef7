using System.Runtime.CompilerServices;
using Sandbox.Core.Schema;

namespace Sandbox.Core.Bootstrap;

/// <summary>Applies a database's migrations in order (the warehouse's, the app database's), each recorded in its schema_migrations.</summary>
/// <param name="migrate">Applies what is pending; returns what it applied.</param>
public sealed class MigrationsStep(
    string service, Func<CancellationToken, Task<IReadOnlyList<Migration>>> migrate, IReadOnlyList<Migration> migrations) : IBootstrapStep
{
    public string Service => service;

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var applied = (await migrate(cancellationToken)).Select(m => m.Version).ToHashSet();
        foreach (var migration in migrations)
            yield return new(Service, $"migration {migration}", applied.Contains(migration.Version) ? ResourceState.Created : ResourceState.Existed);
    }
}
