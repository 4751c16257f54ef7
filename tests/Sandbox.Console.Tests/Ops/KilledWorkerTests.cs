using Microsoft.AspNetCore.Builder;
using Npgsql;
using Sandbox.Console.Hosting;
using Sandbox.Core.Endpoints;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Console.Tests.Ops;

/// <summary>
/// A real sandbox-console process takes a refresh and is killed with SIGKILL mid-statement (no
/// shutdown code runs). The next console to start on the same state finds the run's lease expired
/// and fails it with the reason, instead of the run showing "running" (or "in queue") forever.
/// </summary>
public sealed class KilledWorkerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_run_whose_worker_was_killed_ends_failed_naming_the_dead_worker()
    {
        var contract = EndpointsLoader.LoadSettings();
        var endpoints = EndpointsLoader.FromSettings(contract);
        await using var state = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, "console_killed", migrate: false);
        var folder = Directory.CreateTempSubdirectory("sandbox-console-killed-").FullName;
        try
        {
            await using var worker = ChildProcess.Start("dotnet",
                [BuildOutput.Dll("Sandbox.Console", "sandbox-console.dll"), "--port", "0", "--state", folder, "--run-lease", ((int)Lease.TotalSeconds).ToString()],
                new Dictionary<string, string>
                {
                    ["SANDBOX_WAREHOUSE_ADMIN"] = state.ConnectionString,
                    ["SANDBOX_WAREHOUSE_ANALYST"] = endpoints.WarehouseAnalystConnectionString,
                });
            await UntilAsync(async () => await CountAsync(state, "select count(*) from console.users where name = 'admin'") == 1, worker);

            var runId = await ScalarAsync<long>(state,
                """
                with q as (insert into console.saved_queries (owner_id, name, sql) select id, 'slow', 'select pg_sleep(6)' from console.users where name = 'admin' returning id)
                insert into console.query_runs (query_id, values_key, trigger) select id, 'k', 'api' from q returning id
                """);
            var workerName = "";
            await UntilAsync(async () => (workerName = await ScalarAsync<string?>(state, $"select worker from console.query_runs where id = {runId} and state = 'running'") ?? "") != "", worker);
            Assert.StartsWith($"{Environment.MachineName}:{worker.Id}:", workerName);
            // It renews its lease while the statement runs...
            await UntilAsync(async () => await CountAsync(state, $"select count(*) from console.query_runs where id = {runId} and heartbeat_at > started_at") == 1, worker);

            // ...until it is killed: nothing of it runs any more, and the run still says "running".
            worker.KillHard();
            Assert.Equal("running", await ScalarAsync<string>(state, $"select state from console.query_runs where id = {runId}"));

            var settings = ConsoleSettings.FromContract(contract, folder) with
            {
                StateConnectionString = state.ConnectionString, Port = 0, SeedAccounts = false,
                Refresh = ConsoleFixture.FastRefresh with { RunLease = Lease },
            };
            await using var next = ConsoleApp.Build(settings);
            await ConsoleApp.PrepareAsync(next);
            await next.StartAsync();
            try
            {
                await UntilAsync(async () => await CountAsync(state, $"select count(*) from console.query_runs where id = {runId} and state = 'failed'") == 1, null);
                var reason = await ScalarAsync<string>(state, $"select reason from console.query_runs where id = {runId}");
                Assert.StartsWith($"its worker {workerName} stopped renewing its lease (last heartbeat ", reason);
                Assert.EndsWith("the worker died or was killed", reason);
            }
            finally
            {
                await next.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, ChildProcess? process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The console process has not made its schema yet.
            }
            if (process is { HasExited: true }) Assert.Fail($"sandbox-console exited early:\n{process.Output}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"gave up waiting{(process is null ? "" : $"; sandbox-console said:\n{process.Output}")}");
            await Task.Delay(100);
        }
    }

    private static async Task<long> CountAsync(ThrowawayDatabase state, string sql) => await ScalarAsync<long>(state, sql);

    private static async Task<T> ScalarAsync<T>(ThrowawayDatabase state, string sql)
    {
        await using var command = state.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync() is T value ? value : default!;
    }
}
