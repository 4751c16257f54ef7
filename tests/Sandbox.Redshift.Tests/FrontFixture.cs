using Npgsql;
using Sandbox.Redshift.Hosting;
using Sandbox.Redshift.QueryLog;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Redshift.Tests;

/// <summary>
/// A PostgreSQL cluster of the tests' own that checks SCRAM passwords (as the stack's roles will),
/// with the warehouse migrations applied, and a sandbox-redshift front on a free port before it (the
/// private warehouse's own, with the tests' rewriter and a real statement log).
/// Role `raw_client` is trusted without a password, for the tests that speak the protocol by hand.
/// </summary>
public sealed class FrontFixture : IAsyncLifetime
{
    public const string Database = "redshift_front_tests";
    public const string Password = "front-test-secret";
    private PrivateWarehouse? _postgres;

    public RedshiftFront Front { get; private set; } = null!;
    public QueryLogWriter QueryLog { get; private set; } = null!;
    public NpgsqlDataSource Direct { get; private set; } = null!;
    public int Port => Front.EndPoint.Port;

    public string ConnectionString(string user = "sandbox", string password = Password) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Password={password};Database={Database};Pooling=false;Timeout=15";

    public string DirectConnectionString =>
        $"Host=127.0.0.1;Port={_postgres!.Port};Username=sandbox;Password={Password};Database={Database};Pooling=false";

    public async Task InitializeAsync()
    {
        _postgres = await PrivateWarehouse.StartAsync();
        await using (var admin = new NpgsqlConnection(_postgres.SuperuserConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"create database {Database}");
            await Execute(admin, $"create role sandbox login superuser password '{Password}'");
            await Execute(admin, "create role raw_client login");
            var hba = Path.Combine(_postgres.DataDirectory, "pg_hba.conf");
            await File.WriteAllTextAsync(hba,
                "local all all trust\nhost all raw_client 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n");
            await Execute(admin, "select pg_reload_conf()");
        }
        Direct = NpgsqlDataSource.Create(DirectConnectionString);
        await new Migrator(Direct).MigrateAsync();
        await using (var grant = Direct.CreateCommand("grant all on schema public to raw_client"))
            await grant.ExecuteNonQueryAsync();
        QueryLog = new QueryLogWriter(DirectConnectionString, Console.Error);
        Front = _postgres.StartFront(new TestRewriter(), QueryLog, DirectConnectionString);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        // No client is left: the statement log flushes while PostgreSQL still answers, then the front and the cluster stop.
        await QueryLog.DisposeAsync();
        await Direct.DisposeAsync();
        if (_postgres != null) await _postgres.DisposeAsync();
    }

    public static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FrontCollection : ICollectionFixture<FrontFixture>
{
    public const string Name = "redshift front";
}
