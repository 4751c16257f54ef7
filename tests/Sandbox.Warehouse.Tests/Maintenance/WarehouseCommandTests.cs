using System.CommandLine;
using Npgsql;
using Sandbox.Testing;
using Sandbox.Warehouse.Maintenance;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Maintenance;

[Collection(StackCollection.Name)]
public class WarehouseCommandTests(StackFixture stack)
{
    [Fact]
    public async Task Maintain_vacuums_away_dead_rows_and_reports_every_pipeline_table()
    {
        await using var database = await MigratedDatabaseAsync();
        await Execute(database, """
            insert into bad_events (raw, violations, source) select 'x' || i, '[]', 'test' from generate_series(1, 100) i;
            delete from bad_events where id <= 40
            """);

        var (exitCode, output) = await RunAsync(database, "warehouse", "maintain");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("warehouse maintain: VACUUM ANALYZE done on 4 tables", output);
        var badEvents = Assert.Single(output.Split('\n'), l => l.StartsWith("bad_events "));
        Assert.Matches(@"^bad_events\s+\S+ \S?B\s+60\s+0\s+0\.0\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{4}-", badEvents);
        foreach (var table in WarehouseMaintenance.PipelineTables)
            Assert.Contains(output.Split('\n'), l => l.StartsWith(table + " "));
        Assert.Equal(0L, await database.ScalarAsync<long>("select n_dead_tup from pg_stat_user_tables where relname = 'bad_events'"));
    }

    [Fact]
    public async Task Report_only_does_not_vacuum()
    {
        await using var database = await MigratedDatabaseAsync();

        var (exitCode, output) = await RunAsync(database, "warehouse", "maintain", "--report-only");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("VACUUM", output);
        Assert.Matches(@"events\s+.*never\s+never", output.Split('\n')[1]);
    }

    [Fact]
    public async Task Missing_table_is_named_with_what_to_do()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(database, "warehouse", "maintain"));

        Assert.Equal("table events does not exist in the warehouse: run 'sandbox bootstrap' first", error.Message);
    }

    /// <summary>
    /// The dedupe step teams run on Redshift (no enforced keys), through the endpoint on WAREHOUSE_PORT as
    /// the contract's admin connection goes: a table without events' key, loaded twice, ends one row per
    /// event_id, the first loaded kept.
    /// </summary>
    [Fact]
    public async Task Dedupe_keeps_the_first_row_per_key_through_the_endpoint()
    {
        await using var database = await MigratedDatabaseAsync();
        // TOP is Redshift's: only the endpoint's rewriter makes PostgreSQL run it.
        Assert.Equal(1, await database.ScalarAsync<int>("select top 1 1"));
        await Execute(database, """
            create table events_unkeyed (like events);
            insert into events_unkeyed (event_id, event_name, event_time, received_at, properties, loaded_at)
            select 'e' || (i % 4), 'copy ' || i, getdate(), getdate(), '{}', timestamp '2026-12-07 00:00:00' + i * interval '1 minute'
            from generate_series(0, 9) i
            """);

        var (exitCode, output) = await RunAsync(database, "warehouse", "dedupe", "--table", "events_unkeyed");

        Assert.Equal(0, exitCode);
        Assert.Equal("warehouse dedupe: events_unkeyed: 4 event_id values were duplicated, 6 surplus rows removed\n", output);
        Assert.Equal(4L, await database.ScalarAsync<long>("select count(*) from events_unkeyed"));
        Assert.Equal("copy 0,copy 1,copy 2,copy 3",
            await database.ScalarAsync<string>("select listagg(event_name, ',') within group (order by event_name) from events_unkeyed"));
        Assert.Equal((0, "warehouse dedupe: events: 0 event_id values were duplicated, 0 surplus rows removed\n"),
            await RunAsync(database, "warehouse", "dedupe"));
    }

    [Fact]
    public async Task Dedupe_names_a_missing_key_column()
    {
        await using var database = await MigratedDatabaseAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(database, "warehouse", "dedupe", "--key", "no_such_id"));

        Assert.StartsWith("table events has no column \"no_such_id\"", error.Message);
    }

    private Task<ThrowawayDatabase> MigratedDatabaseAsync() =>
        ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "scratch");

    private async Task<(int ExitCode, string Output)> RunAsync(ThrowawayDatabase database, params string[] args)
    {
        var connection = new NpgsqlConnectionStringBuilder(stack.Endpoints.WarehouseAdminConnectionString)
        {
            Database = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).Database,
        };
        var output = new StringWriter();
        var root = new RootCommand { WarehouseCommand.Build(() => NpgsqlDataSource.Create(connection.ConnectionString), output) };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        return (exitCode, output.ToString());
    }

    private static async Task Execute(ThrowawayDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
