using System.Text.Json;
using Sandbox.Load.Chaos;
using Sandbox.Testing;
using Xunit.Abstractions;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// `sandbox load --chaos` on a tiny day, reduced in size and time: the shipper, the Firehose host,
/// the click-log host and the Kinesis engine (a private one) SIGKILLed at seeded times, each at
/// least <see cref="KillsEach"/> times, and the warehouse (a private PostgreSQL) stopped with
/// pg_ctl; the run's own integrity check must still hold, and the report must list every fault
/// with its recovery. The shared stack's engine and PostgreSQL are never touched.
/// </summary>
[Collection(StackCollection.Name)]
public class LoadChaosTests(StackFixture stack, ITestOutputHelper output)
{
    private const int KillsEach = 20;

    [SkippableFact]
    public async Task Load_with_every_process_killed_20_times_and_the_warehouse_stopped_still_delivers_every_event_once()
    {
        Skip.IfNot(PrivateWarehouse.Available, "PostgreSQL 15 (pg_ctl) is not installed here: run 'make deps'");
        var seed = Environment.GetEnvironmentVariable("SANDBOX_FAULT_SEED") is { } given ? int.Parse(given) : Random.Shared.Next(1, 1_000_000);
        await using var warehouse = await PrivateWarehouse.StartAsync(redshiftFront: true);
        // A fixed port: the run restarts the engine with the command line it was started with.
        await using var engine = await KinesisEngine.StartAsync(limits: true, port: FreeLoopbackPort.Next());
        var folder = Directory.CreateTempSubdirectory("sandbox-load-chaos-").FullName;
        // S3 and DynamoDB are the shared stack's (the run makes buckets and tables of its own there).
        var environment = new Dictionary<string, string>
        {
            ["SANDBOX_KINESIS_URL"] = engine.Url.ToString().TrimEnd('/'),
            ["SANDBOX_WAREHOUSE"] = warehouse.DeliveryConnectionString,
            ["SANDBOX_WAREHOUSE_ADMIN"] = warehouse.ServerConnectionString,
            ["SANDBOX_WAREHOUSE_ANALYST"] = warehouse.AnalystConnectionString,
            ["POSTGRES_PORT"] = warehouse.Port.ToString(),
            ["SANDBOX_S3_URL"] = stack.Endpoints.S3Url!.ToString().TrimEnd('/'),
            ["SANDBOX_DYNAMODB_URL"] = stack.Endpoints.DynamoDbUrl!.ToString().TrimEnd('/'),
        };
        try
        {
            var day = Path.Combine(folder, "day");
            var generated = await SandboxCli.RunAsync(null, "generate", "--from", "2026-11-02", "--events-per-day", "3000", "--users", "300",
                "--seed", seed.ToString(), "--threads", "1", "-o", day);
            Assert.True(generated.ExitCode == 0, generated.Output);

            // The day in 30 s (2880x): a kill about every second per process while it is fed.
            var load = await ProcessRunner.RunAsync("dotnet", [SandboxCli.Dll, "load", "--day", day, "--speed", "2880", "--shards", "2", "--chaos", "--seed", seed.ToString(),
                "--chaos-every", "0.6", "--outage-seconds", "3", "--interval-seconds", "2", "--buffer-seconds", "1", "--reports", Path.Combine(folder, "reports")], environment, TimeSpan.FromMinutes(4));
            var context = $"SANDBOX_FAULT_SEED={seed}\n{load.Output}";
            Assert.True(load.ExitCode == 0, context);
            Assert.Contains("load: integrity holds", load.StandardOutput);

            var report = Directory.GetFiles(Path.Combine(folder, "reports"), "load.json", SearchOption.AllDirectories).Single();
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var run = json.RootElement.GetProperty("runs")[0];
            Assert.True(run.GetProperty("integrity").GetProperty("holds").GetBoolean(), context);
            var faults = run.GetProperty("faults").EnumerateArray().ToList();
            foreach (var target in new[] { "shipper", "firehose", "clicklog", ChaosServers.Kinesis })
            {
                var kills = faults.Count(f => f.GetProperty("target").GetString() == target);
                Assert.True(kills >= KillsEach, $"{target} was killed {kills} times, fewer than {KillsEach}\n{context}");
            }
            Assert.Single(faults, f => f.GetProperty("target").GetString() == "warehouse");
            Assert.All(faults, f => Assert.True(f.TryGetProperty("caught_up_after_seconds", out _), $"a fault never recovered: {f}\n{context}"));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(report)!, "index.html")));
            output.WriteLine($"SANDBOX_FAULT_SEED={seed}: {faults.Count} faults\n{load.StandardOutput}");
        }
        finally
        {
            // The run restarted the engine as its own process: stop whatever listens on its port now.
            if (await ServerProcess.PidListeningOnAsync(engine.Url.Port) is { } pid) await ServerProcess.Inspect(pid).KillHardAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
