using MySqlConnector;
using Sandbox.AppDatabase.Schema;
using Sandbox.Core.Schema;
using Sandbox.Testing;

namespace Sandbox.AppDatabase.Tests.Schema;

[Collection(StackCollection.Name)]
public class AppDbMigratorTests(StackFixture stack)
{
    private string Server => stack.Endpoints.AppDatabaseConnectionString;

    [Fact]
    public async Task Applying_the_migrations_twice_changes_nothing_the_second_time()
    {
        await using var database = await ThrowawayAppDatabase.CreateAsync(Server, "mig", migrate: false);
        var migrator = new AppDbMigrator(database.ConnectionString);

        var first = await migrator.MigrateAsync();
        var tablesAfterFirst = await TablesAsync(database);
        var second = await migrator.MigrateAsync();

        Assert.Equal(AppDbMigrations.Embedded, first);
        Assert.Empty(second);
        Assert.Equal(tablesAfterFirst, await TablesAsync(database));
        Assert.Equal(AppDbMigrations.Embedded.Count, await database.ScalarAsync<long>("select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_is_refused_by_name()
    {
        await using var database = await ThrowawayAppDatabase.CreateAsync(Server, "edit", migrate: false);
        await new AppDbMigrator(database.ConnectionString, [new Migration(1, "first", "create table t (id int)")]).MigrateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AppDbMigrator(database.ConnectionString, [new Migration(1, "first", "create table t (id bigint)")]).MigrateAsync());

        Assert.Contains("0001_first was changed after it was applied", error.Message);
    }

    [Fact]
    public async Task Every_contract_table_has_its_keys_timestamps_and_sync_index()
    {
        await using var database = await ThrowawayAppDatabase.CreateAsync(Server, "shape");
        string[] tables = ["users", "brands", "products", "shops", "product_links", "posts", "likes", "follows"];

        foreach (var table in tables)
        {
            Assert.Equal(2, await database.ScalarAsync<long>(
                $"select count(*) from information_schema.columns where table_schema = database() and table_name = '{table}' " +
                "and column_name in ('created_at', 'updated_at') and column_type = 'datetime(3)' and is_nullable = 'NO'"));
            Assert.Equal("updated_at", await database.ScalarAsync<string>(
                $"select column_name from information_schema.statistics where table_schema = database() and table_name = '{table}' " +
                "and index_name like '%updated' and seq_in_index = 1"));
        }
        Assert.Equal(
            "follows>users,follows>users,likes>posts,likes>users,posts>products,posts>users,products>brands,product_links>products,product_links>shops",
            await database.ScalarAsync<string>(
                "select group_concat(concat(table_name, '>', referenced_table_name) order by table_name, referenced_table_name) " +
                "from information_schema.referential_constraints where constraint_schema = database()"));
    }

    [Fact]
    public async Task A_row_pointing_at_a_missing_parent_is_refused()
    {
        await using var database = await ThrowawayAppDatabase.CreateAsync(Server, "fk");
        await using var connection = await AppDatabaseConnection.OpenAsync(database.ConnectionString);
        await using var insert = new MySqlCommand(
            "insert into products (product_id, brand_id, name, category, price_jpy, created_at, updated_at) values ('pr000001', 'br9999', 'x', 'lip', 100, now(3), now(3))",
            connection);

        var error = await Assert.ThrowsAsync<MySqlException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(MySqlErrorCode.NoReferencedRow2, error.ErrorCode);
    }

    [Fact]
    public async Task A_stopped_app_database_is_a_clear_error_naming_where_and_what_to_do()
    {
        var port = UnusedPort();
        var missing = $"Server=127.0.0.1;Port={port};Database=app;User ID=sandbox_app;Password=x;ConnectionTimeout=3";

        var error = await Assert.ThrowsAsync<AppDatabaseUnavailableException>(() => new AppDbMigrator(missing).MigrateAsync());

        Assert.Contains($"the app database at 127.0.0.1:{port}/app (SANDBOX_APPDB) is not available", error.Message);
        Assert.Contains("make up", error.Message);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> TablesAsync(ThrowawayAppDatabase database) =>
        await database.ScalarAsync<string>(
            "select group_concat(concat(table_name, ':', table_rows is not null) order by table_name) from information_schema.tables where table_schema = database()") ?? "";
}
