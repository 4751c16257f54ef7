using Sandbox.Sync.Config;
using Sandbox.Testing;

namespace Sandbox.Sync.Tests;

/// <summary>Runs of the repository's sync configs between a private MariaDB and a throwaway warehouse database.</summary>
[Collection(SyncCollection.Name)]
public class SyncRunnerTests(StackFixture stack, MariaDbFixture mariaDb)
{
    [SkippableFact]
    public async Task First_run_copies_every_app_table_and_logs_each()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 300);
        foreach (var config in SyncConfigLoader.LoadDirectory(RepositoryRoot.Combine("sync")))
        {
            var result = await bed.RunAsync(config);
            Assert.True(result.RowsRead > 0, $"{config.Name} read nothing");
            Assert.Equal(result.RowsRead, result.RowsWritten);
            await bed.AssertTargetEqualsSourceAsync(config.SourceTable!);
        }
        Assert.Equal(8L, await bed.ScalarAsync<long>("select count(*) from app.sync_runs where status = 'succeeded' and rows_read > 0"));
        Assert.Equal("timestamp without time zone", await bed.ScalarAsync<string>(
            "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'app.users'::regclass and attname = 'updated_at'"));
        Assert.Equal("character varying(32)", await bed.ScalarAsync<string>(
            "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'app.users'::regclass and attname = 'user_id'"));
        // A merge target keeps room on its pages for the next runs' updates (heap-only tuples).
        Assert.Equal("{fillfactor=90}", await bed.ScalarAsync<string>("select reloptions::text from pg_class where oid = 'app.users'::regclass"));
    }

    [SkippableFact]
    public async Task Next_run_reads_only_rows_changed_since_the_cursor_and_merges_them()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 1000);
        var first = await bed.RunAsync("users");
        Assert.Equal(1000, first.RowsRead);

        await bed.AppDbAsync(
            """
            update users set nickname = concat(nickname, ' (edited)'), updated_at = timestamp'2026-12-01 00:00:00' where user_id in ('u000000010', 'u000000500');
            insert into users values ('u100000001', '新しい人', null, null, null, null, timestamp'2026-12-01 00:00:01', timestamp'2026-12-01 00:00:01');
            """);
        var second = await bed.RunAsync("users");
        Assert.Equal((3L, 3L, 2L), (second.RowsRead, second.RowsWritten, second.RowsReplaced));
        Assert.Equal(first.After, second.Before);
        Assert.Equal("(2026-12-01 00:00:01, 'u100000001')", second.After!.ToString());
        await bed.AssertTargetEqualsSourceAsync("users");

        var third = await bed.RunAsync("users");
        Assert.Equal(0, third.RowsRead);
        Assert.Equal(second.After, third.After);
        var log = await bed.ScalarAsync<string>(
            $"select concat_ws(' ', mode, status, rows_read, rows_written, rows_replaced, cursor_before->'values'->>1, cursor_after->'values'->>1, (duration_ms >= 0)::text) from app.sync_runs where run_id = {second.RunId}");
        Assert.Equal($"merge succeeded 3 3 2 {first.After!.Values[1]} u100000001 true", log);
    }

    [SkippableFact]
    public async Task Rows_with_the_cursor_time_but_a_later_key_are_not_skipped()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server);
        await bed.AppDbAsync("insert into users (user_id, nickname, created_at, updated_at) values ('u2', 'b', '2026-11-01', '2026-11-01 10:00:00')");
        await bed.RunAsync("users");
        // Same updated_at as the cursor, key after it (u3) and before it (u1, which must not be read: it would have been read already).
        await bed.AppDbAsync("insert into users (user_id, nickname, created_at, updated_at) values ('u3', 'c', '2026-11-01', '2026-11-01 10:00:00')");
        var second = await bed.RunAsync("users");
        Assert.Equal(1, second.RowsRead);
        await bed.AssertTargetEqualsSourceAsync("users");
    }

    [SkippableFact]
    public async Task Each_mode_writes_as_embulk_output_redshift_does()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 50);
        SyncTableConfig Config(string mode, string target, string extra = "") =>
            SyncConfigLoader.Parse(target, $"{target}.yml", $"source:\n  table: users\ntarget: app.{target}\nmode: {mode}\n{extra}");
        var configs = new[]
        {
            Config("insert", "u_insert", "incremental_columns: [updated_at, user_id]\n"),
            Config("insert_direct", "u_direct", "incremental_columns: [updated_at, user_id]\n"),
            Config("truncate_insert", "u_truncate"), Config("replace", "u_replace"), Config("merge", "u_merge", "incremental_columns: [updated_at, user_id]\n"),
        };
        foreach (var config in configs) await bed.RunAsync(config);
        await bed.AppDbAsync("update users set nickname = 'changed', updated_at = '2026-12-01' where user_id = 'u000000001'");
        foreach (var config in configs) await bed.RunAsync(config);

        async Task<(long Rows, long Changed)> Count(string table) => (
            await bed.ScalarAsync<long>($"select count(*) from app.{table}"),
            await bed.ScalarAsync<long>($"select count(*) from app.{table} where nickname = 'changed'"));
        Assert.Equal((51L, 1L), await Count("u_insert"));   // appends the new version
        Assert.Equal((51L, 1L), await Count("u_direct"));
        Assert.Equal((50L, 1L), await Count("u_truncate")); // whole source again
        Assert.Equal((50L, 1L), await Count("u_replace"));
        Assert.Equal((50L, 1L), await Count("u_merge"));    // one row per key
        Assert.Equal("u_truncate_pkey u_replace_pkey u_merge_pkey", await bed.ScalarAsync<string>(
            "select string_agg(conname, ' ' order by conname desc) from pg_constraint where contype = 'p' and connamespace = 'app'::regnamespace and conname like 'u\\_%'"));
    }

    [SkippableFact]
    public async Task A_new_source_column_is_added_and_a_longer_varchar_widens_the_target()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 20);
        await bed.RunAsync("users");
        await bed.AppDbAsync(
            """
            alter table users add column locale varchar(8) null, modify nickname varchar(200) not null;
            update users set locale = 'ja-JP', nickname = repeat('長', 150), updated_at = '2026-12-01' where user_id = 'u000000003';
            """);
        var result = await bed.RunAsync("users");
        Assert.Contains("add column locale character varying(8) (new in the source)", result.SchemaChanges);
        Assert.Contains("widen nickname character varying(64) -> character varying(200)", result.SchemaChanges);
        await bed.AssertTargetEqualsSourceAsync("users");
    }

    [SkippableFact]
    public async Task A_merge_replaces_whole_rows_whether_it_upserts_on_the_key_or_deletes_and_inserts()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 20);
        await bed.RunAsync("users");
        // Alters the target, edits one source row, syncs it: the path taken, and the row replaced.
        async Task<string> EditAndSync(string warehouseDdl, string userId, string day)
        {
            await using (var alter = bed.WarehouseData.CreateCommand(warehouseDdl)) await alter.ExecuteNonQueryAsync();
            await bed.AppDbAsync($"update users set nickname = 'edited', updated_at = '{day}' where user_id = '{userId}'");
            var run = await bed.RunAsync("users");
            Assert.Equal((1L, 1L, 1L), (run.RowsRead, run.RowsWritten, run.RowsReplaced));
            await bed.AssertTargetEqualsSourceAsync("users", "user_id, nickname, updated_at");
            return run.Path;
        }

        // A column only the warehouse has goes back to its default, as if the row had been deleted and inserted.
        Assert.StartsWith("COPY into staging, upsert into app.users",
            await EditAndSync("alter table app.users add column note text default 'none'; update app.users set note = 'kept?'", "u000000003", "2026-12-01"));
        Assert.Equal("none", await bed.ScalarAsync<string>("select note from app.users where user_id = 'u000000003'"));
        // A target keyed otherwise than on the merge keys cannot upsert on them: delete + insert.
        Assert.StartsWith("COPY into staging, merge into app.users",
            await EditAndSync("alter table app.users drop constraint users_pkey", "u000000004", "2026-12-02"));
    }

    [SkippableFact]
    public async Task An_incompatible_type_change_stops_before_any_row_moves()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 20);
        var first = await bed.RunAsync("users");
        await bed.AppDbAsync("alter table users modify birth_year varchar(10); update users set birth_year = 'unknown', updated_at = '2026-12-01' where user_id = 'u000000004'");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.RunAsync("users"));
        Assert.Contains("incompatible type change: app.users.birth_year is smallint in the warehouse, but the source now returns varchar(10)", error.Message);
        Assert.True(await bed.StoredCursorIsAsync("users", first.After!), "the stored cursor moved");
        Assert.Equal("failed", await bed.ScalarAsync<string>("select status from app.sync_runs order by run_id desc limit 1"));
        Assert.Equal(0L, await bed.ScalarAsync<long>("select count(*) from app.users where user_id = 'u000000004' and birth_year is null"));
    }

    [SkippableFact]
    public async Task A_row_the_warehouse_cannot_store_fails_the_run_naming_table_key_and_column()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 100);
        var first = await bed.RunAsync("posts");
        await bed.AppDbAsync(
            """
            update posts set body = 'ok', updated_at = '2026-12-01 00:00:00' where post_id = 'po000000001';
            update posts set body = concat('bad', char(0), 'text'), updated_at = '2026-12-01 00:00:01' where post_id = 'po000000002';
            """);
        var error = await Assert.ThrowsAsync<Sandbox.Sync.Target.SyncRowException>(() => bed.RunAsync("posts"));
        Assert.Contains("sync posts: row post_id='po000000002' column body: the text contains a NUL character", error.Message);

        // Nothing half-applied: not even the good row before it, and the cursor did not move.
        Assert.Equal(0L, await bed.ScalarAsync<long>("select count(*) from app.posts where body = 'ok'"));
        Assert.True(await bed.StoredCursorIsAsync("posts", first.After!), "the stored cursor moved");
        Assert.Contains("po000000002", await bed.ScalarAsync<string>("select error from app.sync_runs where status = 'failed'"));
    }

    [SkippableFact]
    public async Task App_database_down_fails_clearly_keeps_the_cursor_and_the_next_run_catches_up()
    {
        // A server of this test's own, so stopping it leaves the collection's alone.
        Skip.IfNot(PrivateMariaDb.Available, "MariaDB is not installed here: run 'make deps'");
        await using var server = await PrivateMariaDb.StartAsync();
        await using var bed = await SyncTestBed.CreateAsync(stack, server, users: 200);
        var first = await bed.RunAsync("users");
        await bed.AppDbAsync("update users set nickname = 'later', updated_at = '2026-12-01' where user_id like 'u00000001%'");
        await server.StopAsync();

        var error = await Assert.ThrowsAsync<Sandbox.Sync.Source.SourceUnavailableException>(() => bed.RunAsync("users"));
        Assert.Contains($"the app database (127.0.0.1:{server.Port}/", error.Message);
        Assert.Contains("does not answer", error.Message);
        Assert.True(await bed.StoredCursorIsAsync("users", first.After!), "the stored cursor moved");
        Assert.Equal("failed", await bed.ScalarAsync<string>("select status from app.sync_runs order by run_id desc limit 1"));

        await server.StartAgainAsync();
        var caughtUp = await bed.RunAsync("users");
        Assert.Equal(10, caughtUp.RowsRead); // u000000010 .. u000000019
        await bed.AssertTargetEqualsSourceAsync("users");
    }

    [SkippableFact]
    public async Task A_run_left_running_by_a_dead_process_is_marked_abandoned()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 10);
        await bed.ScalarAsync<int>("insert into app.sync_runs (table_name, source, target, mode) values ('users', 'users', 'app.users', 'merge') returning 1");
        await bed.RunAsync("users");
        Assert.Equal("abandoned succeeded", await bed.ScalarAsync<string>("select string_agg(status, ' ' order by run_id) from app.sync_runs"));
    }

    [SkippableFact]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        await using var bed = await SyncTestBed.CreateAsync(stack, mariaDb.Server, users: 30);
        var plan = await new SyncPlanner(bed.WarehouseData, bed.AppDbReader).PlanAsync(SyncTestBed.RepositoryConfig("users"), full: false, CancellationToken.None);
        Assert.Contains("users: users -> app.users, mode merge", plan);
        Assert.Contains("read: 30 rows with (updated_at, user_id) from the first row", plan);
        Assert.Contains("target: create app.users (8 columns)", plan);
        Assert.Null(await bed.ScalarAsync<string>("select to_regclass('app.users')::text"));
        Assert.Equal(0L, await bed.ScalarAsync<long>("select count(*) from app.sync_runs"));
    }
}
