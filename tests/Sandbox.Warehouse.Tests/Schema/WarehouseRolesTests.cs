using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Schema;

/// <summary>
/// The locked warehouse (compose/warehouse/roles.sql): every login needs its SCRAM password,
/// the pipeline and people get the least they need, and nobody the tools use can reach the
/// server's shell (COPY ... TO PROGRAM needs a superuser).
/// </summary>
[Collection(StackCollection.Name)]
public class WarehouseRolesTests(StackFixture stack)
{
    private const string InsufficientPrivilege = "42501";
    private const string InvalidPassword = "28P01";
    private const string ReadOnlyTransaction = "25006";

    private static readonly string[] Roles = ["sandbox_admin", "sandbox_delivery", "analyst", "postgres"];

    [Fact]
    public Task A_login_without_a_password_is_refused_for_every_role_over_tcp()
    {
        var endpoint = new NpgsqlConnectionStringBuilder(stack.Endpoints.WarehouseConnectionString);
        return AssertRefusedWithoutPasswordAsync(endpoint.Host!, endpoint.Port);
    }

    [Fact]
    public Task A_login_without_a_password_is_refused_on_the_local_socket_too()
    {
        var (folder, port) = LocalSocket();
        return AssertRefusedWithoutPasswordAsync(folder, port);
    }

    // psql asks the server (-w: never prompt); trust would let it in with exit code 0.
    private static async Task AssertRefusedWithoutPasswordAsync(string host, int port)
    {
        foreach (var role in Roles)
        {
            var result = await Psql($"host={host} port={port} user={role} dbname=warehouse", "select 1");

            Assert.True(result.ExitCode != 0, $"{role} logged in at {host} without a password:\n{result.Output}");
            Assert.Contains("no password supplied", result.StandardError);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        foreach (var connectionString in RoleConnectionStrings())
        {
            var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password", Pooling = false };
            await using var connection = new NpgsqlConnection(wrong.ConnectionString);

            var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
            Assert.Equal(InvalidPassword, error.SqlState);
        }
    }

    [Fact]
    public async Task No_role_the_tools_use_is_a_superuser_or_may_run_programs_on_the_server()
    {
        foreach (var connectionString in RoleConnectionStrings())
        {
            await using var role = NpgsqlDataSource.Create(connectionString);
            Assert.False(await ScalarAsync<bool>(role, "select rolsuper from pg_roles where rolname = current_user"), connectionString);

            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(role, "copy (select 1) to program 'id'"));
            Assert.Equal(InsufficientPrivilege, error.SqlState);
        }
    }

    [Fact]
    public async Task The_analyst_reads_everything_writes_nothing_and_has_a_statement_timeout()
    {
        await using var analyst = NpgsqlDataSource.Create(stack.Endpoints.WarehouseAnalystConnectionString);

        Assert.True(await ScalarAsync<long>(analyst, "select count(*) from (select 1 from events limit 1) e") >= 0);
        Assert.Equal("2min", await ScalarAsync<string>(analyst, "show statement_timeout"));
        foreach (var write in new[]
        {
            "insert into bad_events (raw, violations, source) values ('x', '[]', 'roles-test')",
            "delete from events where event_id = 'roles-test'",
            "create table analyst_table (id int)",
            "copy events (event_id) from program 'true'",
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(analyst, write));
            Assert.True(error.SqlState is InsufficientPrivilege or ReadOnlyTransaction, $"{write}: {error.SqlState} {error.MessageText}");
        }
    }

    [Fact]
    public async Task The_pipeline_loads_but_cannot_create_roles_or_tables_or_delete_events()
    {
        await using var delivery = NpgsqlDataSource.Create(stack.Endpoints.WarehouseConnectionString);

        foreach (var (privilege, table) in new[] { ("insert", "events"), ("insert", "bad_events"), ("insert", "load_commits"), ("update", "delivery_metrics") })
            Assert.True(await ScalarAsync<bool>(delivery, $"select has_table_privilege('{table}', '{privilege}')"), $"{privilege} on {table}");
        foreach (var forbidden in new[]
        {
            "create role intruder login password 'x'",
            "create table delivery_table (id int)",
            "delete from events where event_id = 'roles-test'",
            "alter table events add column intruder int",
            "create database intruder",
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(delivery, forbidden));
            Assert.Equal(InsufficientPrivilege, error.SqlState);
        }
    }

    [Fact]
    public async Task Tables_of_later_migrations_get_the_roles_rights_by_default()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "roles");
        await ExecuteAsync(database.DataSource, "create schema later; create table later.loads (id int); insert into later.loads values (1)");

        await using var delivery = NpgsqlDataSource.Create(database.ConnectionStringAs(stack.Endpoints.WarehouseConnectionString));
        await ExecuteAsync(delivery, "insert into later.loads values (2)");
        await using var analyst = NpgsqlDataSource.Create(database.ConnectionStringAs(stack.Endpoints.WarehouseAnalystConnectionString));
        Assert.Equal(2L, await ScalarAsync<long>(analyst, "select count(*) from later.loads"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(analyst, "insert into later.loads values (3)"));
        Assert.Equal(InsufficientPrivilege, error.SqlState);
        NpgsqlConnection.ClearAllPools();
    }

    private IEnumerable<string> RoleConnectionStrings() =>
    [
        stack.Endpoints.WarehouseAdminConnectionString,
        stack.Endpoints.WarehouseConnectionString,
        stack.Endpoints.WarehouseAnalystConnectionString,
    ];

    // The stack records its PostgreSQL data folder (the socket's folder) in .sandbox/warehouse.path;
    // PostgreSQL's own port (behind the Redshift front) is line 4 of its postmaster.pid.
    private static (string Folder, int Port) LocalSocket()
    {
        var envFile = EndpointsLoader.FindEnvFile() ?? throw new InvalidOperationException("no .sandbox/endpoints.env: start the stack with 'make up'");
        var data = Path.Combine(File.ReadAllText(Path.Combine(Path.GetDirectoryName(envFile)!, "warehouse.path")).Trim(), "data");
        return (data, int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).ElementAt(3)));
    }

    private static Task<ProcessResult> Psql(string connection, string sql) =>
        ProcessRunner.RunAsync("psql", ["-X", "-w", "-tAc", sql, connection],
            new Dictionary<string, string> { ["PGPASSWORD"] = "", ["PGPASSFILE"] = "/nonexistent/pgpass" });

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
