using Npgsql;
using Sandbox.Sync;
using Sandbox.Sync.Config;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;
using Xunit.Abstractions;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// `sandbox sync` SIGKILLed at seeded random points of its runs (20 trials) while the app keeps
/// changing between them: every resumed run brings each app.* table to exactly the source, with
/// no duplicate key and no row missing, and the killed runs are logged as abandoned.
/// </summary>
[Collection(StackCollection.Name)]
public class SyncKillTests(StackFixture stack, ITestOutputHelper output)
{
    private const int Trials = 20;
    private const int Users = 2_000;

    private static readonly (string Table, string Key)[] Tables =
    [
        ("users", "user_id"), ("brands", "brand_id"), ("products", "product_id"), ("shops", "shop_id"),
        ("product_links", "product_id, shop_id"), ("posts", "post_id"), ("likes", "user_id, post_id"), ("follows", "follower_id, followee_id"),
    ];

    [SkippableFact]
    public async Task Sync_killed_at_random_points_resumes_to_target_equals_source_without_duplicates()
    {
        Skip.IfNot(PrivateMariaDb.Available, "MariaDB is not installed here: run 'make deps'");
        var schedule = new KillSchedule();
        await using var mariaDb = await PrivateMariaDb.StartAsync();
        var (admin, reader) = await mariaDb.CreateDatabaseAsync();
        await mariaDb.ExecuteAsync(AppSchema.CreateTables + AppSchema.Fill(Users), admin);
        await using var warehouse = await ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "synckill");
        var environment = new Dictionary<string, string> { ["SANDBOX_APPDB"] = reader, ["SANDBOX_APPDB_SYNC"] = reader, ["SANDBOX_WAREHOUSE"] = warehouse.ConnectionString };
        var configs = SyncConfigLoader.LoadDirectory(RepositoryRoot.Combine("sync"));
        var resume = new SyncRunner(warehouse.DataSource, reader);

        // An unkilled first run of the CLI sets the scale: from its first table's start to its exit.
        TimeSpan work;
        await using (var first = ChildProcess.Start("dotnet", [SandboxCli.Dll, "sync", "--config", RepositoryRoot.Combine("sync")], environment))
        {
            var firstTable = await FirstTableStartedAsync(first, warehouse, 0);
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, first.Output);
            work = first.Elapsed - firstTable;
        }
        var (kills, midTable, afterACommit) = (0, 0, 0);
        for (var trial = 1; trial <= Trials; trial++)
        {
            await mariaDb.ExecuteAsync(Changes(schedule.Seed, trial), admin);
            // Odd trials re-merge everything (--full): a long merge through staging to be killed in; even ones are incremental.
            string[] arguments = [SandboxCli.Dll, "sync", "--config", RepositoryRoot.Combine("sync"), .. trial % 2 == 1 ? ["--full"] : Array.Empty<string>()];
            var lastRun = await warehouse.ScalarAsync<long>("select coalesce(max(run_id), 0) from app.sync_runs");
            await using (var sync = ChildProcess.Start("dotnet", arguments, environment))
            {
                await FirstTableStartedAsync(sync, warehouse, lastRun);
                var delay = schedule.Between(TimeSpan.Zero, work * (trial % 2 == 1 ? 1.1 : 0.6));
                if (await sync.ExitsWithinAsync(delay))
                    schedule.Note($"trial {trial}: the run finished before its kill at {delay.TotalSeconds:F2} s into its work");
                else
                {
                    sync.KillHard();
                    var log = await RunLogAsync(warehouse.DataSource, lastRun);
                    (kills, midTable, afterACommit) = (kills + 1, midTable + (log.Contains("running") ? 1 : 0), afterACommit + (log.Contains("succeeded") ? 1 : 0));
                    schedule.Note($"trial {trial}: SIGKILL {delay.TotalSeconds:F2} s into its work; run log: {log}");
                }
            }
            // The resuming run: the same SyncRunner the CLI runs, in this process (a CLI start costs seconds on a busy box).
            foreach (var config in configs) await resume.RunAsync(config, full: false, CancellationToken.None);
            foreach (var (table, key) in Tables)
                await AssertSameAsync(admin, warehouse.DataSource, table, key, $"trial {trial}\n{schedule.Describe()}");
        }

        // The kills have to land inside table runs, and some after other tables of the same run committed.
        Assert.True(midTable >= Trials / 4 && afterACommit >= 1,
            $"{kills} kills, {midTable} inside a table's run, {afterACommit} after a table committed: too few\n{schedule.Describe()}");
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("select count(*) from app.sync_runs where status not in ('succeeded', 'abandoned')"));
        output.WriteLine($"{kills} of {Trials} kills hit a running sync, {midTable} inside a table's run, {afterACommit} after a table of the run committed; " +
                         $"{await warehouse.ScalarAsync<long>("select count(*) from app.sync_runs where status = 'abandoned'")} table runs abandoned\n{schedule.Describe()}");
    }

    /// <summary>Waits until the process has started its first table's run (the CLI's start-up is no kill point of interest); returns when.</summary>
    private static async Task<TimeSpan> FirstTableStartedAsync(ChildProcess sync, ThrowawayDatabase warehouse, long lastRun)
    {
        while (!sync.HasExited && await warehouse.ScalarAsync<long>($"select count(*) from app.sync_runs where run_id > {lastRun}") == 0)
            await Task.Delay(10);
        return sync.Elapsed;
    }

    /// <summary>Edits, new rows and soft deletes, as the live app makes them between two syncs (seeded).</summary>
    private static string Changes(int seed, int trial) =>
        $"""
         update users set nickname = concat('edit ', {trial}), updated_at = now(3) where rand({seed % 1_000_000 * 100 + trial}) < 0.05;
         update posts set deleted_at = now(3), updated_at = now(3) where deleted_at is null and rand({seed % 1_000_000 * 100 + trial + 50}) < 0.02;
         insert into posts select concat('pt', {trial}, '_', seq), concat('u', lpad(1 + seq * {trial} % {Users}, 9, '0')), null, null,
           'new post', now(3), now(3), null from seq_1_to_100;
         insert into likes select concat('u', lpad(1 + (seq + {trial}) % {Users}, 9, '0')), concat('pt', {trial}, '_', seq), now(3), now(3)
           from seq_1_to_100;
         update shops set name = concat('shop ', {trial}), updated_at = now(3) where shop_id = 's0001';
         """;

    private static async Task AssertSameAsync(string appDb, NpgsqlDataSource warehouse, string table, string key, string context)
    {
        var source = await TableRows.FromAppDbAsync(appDb, table, "*");
        var target = await TableRows.FromWarehouseAsync(warehouse, $"app.{table}", "*");
        await using var keys = warehouse.CreateCommand($"select count(*) - count(distinct ({key})) from app.{table}");
        Assert.True((long)(await keys.ExecuteScalarAsync())! == 0, $"app.{table} holds duplicate keys\n{context}");
        Assert.True(source.SequenceEqual(target),
            $"app.{table}: {target.Count} rows, source {source.Count}; first difference: " +
            $"{source.Except(target).FirstOrDefault() ?? "(none in source)"} / {target.Except(source).FirstOrDefault() ?? "(none in target)"}\n{context}");
    }

    /// <summary>What the killed process had committed: its succeeded table runs and the one it was in.</summary>
    private static async Task<string> RunLogAsync(NpgsqlDataSource warehouse, long after)
    {
        await using var command = warehouse.CreateCommand(
            $"select coalesce(string_agg(table_name || ' ' || status, ', ' order by run_id), 'no table started') from app.sync_runs where run_id > {after}");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
