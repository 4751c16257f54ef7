using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Schema;

[Collection(StackCollection.Name)]
public class MigratorTests(StackFixture stack)
{
    [Fact]
    public async Task Applies_every_migration_in_order_and_records_it()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);

        var applied = await new Migrator(database.DataSource).MigrateAsync();

        Assert.Equal(MigrationCatalog.Embedded, applied);
        Assert.Equal(MigrationCatalog.Embedded.Count, await database.ScalarAsync<long>("select count(*) from schema_migrations"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from events"));
    }

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);
        await new Migrator(database.DataSource).MigrateAsync();

        var applied = await new Migrator(database.DataSource).MigrateAsync();

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Only_new_migrations_are_applied_later()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);
        var first = new Migration(1, "first", "create table first_table (id int)");
        await new Migrator(database.DataSource, [first]).MigrateAsync();

        var applied = await new Migrator(database.DataSource, [first, new Migration(2, "second", "create table second_table (id int)")]).MigrateAsync();

        Assert.Equal([2], applied.Select(m => m.Version));
    }

    [Fact]
    public async Task Edited_migration_is_refused_with_its_name()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);
        await new Migrator(database.DataSource, [new Migration(1, "first", "create table t (id int)")]).MigrateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new Migrator(database.DataSource, [new Migration(1, "first", "create table t (id bigint)")]).MigrateAsync());

        Assert.Contains("0001_first was changed after it was applied", error.Message);
    }

    [Fact]
    public async Task Comment_only_edit_of_an_applied_migration_is_accepted()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);
        await new Migrator(database.DataSource, [new Migration(1, "first", "-- old note\ncreate table t (id int)")]).MigrateAsync();

        var applied = await new Migrator(database.DataSource, [new Migration(1, "first", "-- corrected note\ncreate table t (id int) -- why\n")]).MigrateAsync();

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Whole_file_checksum_of_an_earlier_version_is_accepted_and_left_for_older_binaries()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);
        var migration = new Migration(1, "first", "-- note\ncreate table t (id int)");
        await new Migrator(database.DataSource, [migration]).MigrateAsync();
        var wholeFile = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(migration.Sql)));
        await database.ScalarAsync<int>($"update schema_migrations set checksum = '{wholeFile}' where version = 1 returning version");

        var applied = await new Migrator(database.DataSource, [migration]).MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(wholeFile, await database.ScalarAsync<string>("select checksum from schema_migrations where version = 1"));
    }

    [Fact]
    public async Task Failing_migration_leaves_nothing_half_applied()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => new Migrator(database.DataSource,
            [new Migration(1, "broken", "create table half (id int); select * from no_such_table")]).MigrateAsync());

        Assert.Null(await database.ScalarAsync<string>("select to_regclass('half')::text"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_runs_apply_each_migration_once()
    {
        await using var database = await ScratchDatabase.CreateAsync(stack);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new Migrator(database.DataSource).MigrateAsync()));

        Assert.Equal(MigrationCatalog.Embedded.Count, runs.Sum(r => r.Count));
    }
}
