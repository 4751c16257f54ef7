using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

/// <summary>
/// A PostgreSQL 15 of the tests' own (PrivateWarehouse: no other service needed); each corpus file
/// gets a throwaway database migrated by the warehouse's Migrator, so migrations 0006-0009 are under test too.
/// </summary>
public sealed class DialectWarehouse : IAsyncLifetime
{
    private PrivateWarehouse? _warehouse;

    public PrivateWarehouse Server => _warehouse ?? throw new InvalidOperationException("the warehouse has not started");

    public async Task InitializeAsync() => _warehouse = await PrivateWarehouse.StartAsync();

    public async Task DisposeAsync()
    {
        if (_warehouse != null) await _warehouse.DisposeAsync();
    }

    public Task<ThrowawayDatabase> CreateDatabaseAsync() =>
        ThrowawayDatabase.CreateAsync(Server.ServerConnectionString, "dialect");

    /// <summary>libpq keywords for psql (the cluster trusts local connections).</summary>
    public string PsqlConnection(ThrowawayDatabase database) =>
        $"host=127.0.0.1 port={Server.Port} user=sandbox dbname={database.Name}";
}

[CollectionDefinition(Name)]
public sealed class DialectWarehouseCollection : ICollectionFixture<DialectWarehouse>
{
    public const string Name = "dialect-warehouse";
}
