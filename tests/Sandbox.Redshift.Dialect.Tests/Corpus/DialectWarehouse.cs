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

    /// <summary>libpq keywords for psql, as the cluster's admin role (SCRAM: the password travels along).</summary>
    public string PsqlConnection(ThrowawayDatabase database)
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(Server.ServerConnectionString);
        return $"host=127.0.0.1 port={Server.Port} user={admin.Username} password={admin.Password} dbname={database.Name}";
    }
}

[CollectionDefinition(Name)]
public sealed class DialectWarehouseCollection : ICollectionFixture<DialectWarehouse>
{
    public const string Name = "dialect-warehouse";
}
