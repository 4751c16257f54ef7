using Sandbox.Testing;
using Xunit.Abstractions;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// The `sandbox` processes of the pipeline killed with SIGKILL at random points (no shutdown code
/// runs) and started again, a few times over, then left to finish: the warehouse must hold exactly
/// the manifest's events and the S3 archive at least all of them. The kill log, with the seed that
/// replays it, is in every failure message and in the test output.
/// </summary>
[Collection(StackCollection.Name)]
public class SigkillRestartTests(StackFixture stack, ITestOutputHelper output)
{
    private const int Kills = 3;

    /// <summary>A restarted Firehose worker waits about this long for the killed one's leases.</summary>
    private static readonly TimeSpan LeaseFailover = TimeSpan.FromSeconds(10);

    /// <summary>
    /// `sandbox ship --once` killed and restarted on the same --state while `sandbox firehose run`
    /// delivers: the pos file and the disk buffer must bring every line through.
    /// </summary>
    [Fact]
    public async Task Shipper_killed_at_random_points_and_restarted_delivers_every_event_exactly_once()
    {
        var schedule = new KillSchedule();
        await using var run = await FaultPipeline.CreateAsync(stack, seed: (ulong)schedule.Seed);
        string Context() => $"{schedule.Describe()}\n{run.ProcessOutputs()}";
        var firehose = run.Start("firehose", "run", "--buffer-seconds", "1", "--buffer-mb", "1");
        // Small chunks and a short flush interval: many chunks in flight, so a kill lands between
        // spilling a chunk, sending it and moving the position.
        string[] ship = ["ship", "--from", run.Logs, "--state", run.ShipperState, "--once", "--chunk-limit-kb", "64", "--flush-interval", "0.2"];

        var killedWhileRunning = 0;
        for (var attempt = 1; attempt <= Kills; attempt++)
        {
            var shipper = run.Start(ship);
            var delay = schedule.Between(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3.5));
            if (await shipper.ExitsWithinAsync(delay))
            {
                schedule.Note($"ship #{attempt} finished on its own before the kill at {delay.TotalSeconds:N2} s (exit {await shipper.WaitForExitAsync(TimeSpan.FromSeconds(5))})");
                break;
            }
            shipper.KillHard();
            killedWhileRunning++;
            schedule.Note($"ship #{attempt} SIGKILLed after {delay.TotalSeconds:N2} s with {run.ShipperBufferedChunks} chunks on disk; {await run.ProgressAsync()}");
        }
        var last = run.Start(ship);
        var exit = await last.WaitForExitAsync(TimeSpan.FromMinutes(2));
        schedule.Note($"last ship exited {exit}");
        Assert.True(exit == 0, $"the last `sandbox ship --once` exited {exit}\n{Context()}");
        Assert.True(killedWhileRunning > 0, $"no kill landed while the shipper ran: the test proved nothing\n{Context()}");

        await run.DrainAndCheckAsync(schedule, Context, firehose);
        output.WriteLine(schedule.Describe());
    }

    /// <summary>
    /// `sandbox firehose run` killed and restarted while app servers keep writing and `sandbox ship`
    /// keeps tailing: a new worker takes the dead one's leases after the failover time and reads from
    /// the last checkpoint.
    /// </summary>
    [Fact]
    public async Task Firehose_killed_at_random_points_and_restarted_delivers_every_event_exactly_once()
    {
        var schedule = new KillSchedule();
        await using var run = await FaultPipeline.CreateAsync(stack, seed: (ulong)schedule.Seed);
        string Context() => $"{schedule.Describe()}\n{run.ProcessOutputs()}";
        string[] firehoseRun = ["firehose", "run", "--buffer-seconds", "1", "--buffer-mb", "1"];
        // The day arrives over ~36 s, so every worker in the schedule has fresh records to deliver.
        run.StartFeedingLiveLogs(TimeSpan.FromSeconds(1.5));
        var shipper = run.Start("ship", "--from", run.LiveLogs, "--state", run.ShipperState);

        for (var attempt = 1; attempt <= Kills; attempt++)
        {
            var firehose = run.Start(firehoseRun);
            if (attempt == 1)
            {
                // The first worker finds no leases and reads at once: killed anywhere in its first seconds.
                var delay = schedule.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
                Assert.False(await firehose.ExitsWithinAsync(delay), $"firehose #{attempt} stopped on its own\n{Context()}");
            }
            else
            {
                // A restarted worker waits out the failover before it holds a lease. Killing it then
                // would repeat the first case, so the kill comes a random while after it delivered.
                var archived = (await run.ArchiveRecordsAsync()).Records;
                var activeBy = DateTime.UtcNow + LeaseFailover * 3;
                while ((await run.ArchiveRecordsAsync()).Records == archived && DateTime.UtcNow < activeBy && !firehose.HasExited)
                    await Task.Delay(250);
                Assert.False(await firehose.ExitsWithinAsync(schedule.Between(TimeSpan.Zero, TimeSpan.FromSeconds(3))),
                    $"firehose #{attempt} stopped on its own\n{Context()}");
            }
            firehose.KillHard();
            schedule.Note($"firehose #{attempt} SIGKILLed after {firehose.Elapsed.TotalSeconds:N2} s; {await run.ProgressAsync()}");
        }
        var last = run.Start(firehoseRun);
        // The earlier workers may have delivered everything already: a SIGTERM before the last one has
        // its stop handler would end it with 143 (the runtime's default), which is not what is tested.
        Assert.True(await last.PrintsWithinAsync("running", TimeSpan.FromSeconds(60)), $"the last firehose did not start\n{Context()}");
        await run.DrainAndCheckAsync(schedule, Context, shipper, last);
        output.WriteLine(schedule.Describe());
    }

    /// <summary>
    /// The Kinesis engine (a private sandbox-kinesis on the test's own port and data folder) killed
    /// and restarted while `sandbox ship` and `sandbox firehose run` use it: the shipper resends what
    /// was not acknowledged, the delivery streams keep their checkpoints and read on.
    /// </summary>
    [Fact]
    public async Task Kinesis_engine_killed_at_random_points_and_restarted_loses_no_event()
    {
        var schedule = new KillSchedule();
        // Quotas on, as on AWS: the day takes a while to go through, so the kills land mid-stream.
        await using var engine = await KinesisEngine.StartAsync(limits: true);
        await using var run = await FaultPipeline.CreateAsync(stack, seed: (ulong)schedule.Seed, kinesisUrl: engine.Url);
        string Context() => $"{schedule.Describe()}\n{run.ProcessOutputs()}";
        run.StartFeedingLiveLogs(TimeSpan.FromSeconds(1));
        var shipper = run.Start("ship", "--from", run.LiveLogs, "--state", run.ShipperState);
        var firehose = run.Start("firehose", "run", "--buffer-seconds", "1", "--buffer-mb", "1");

        for (var attempt = 1; attempt <= Kills; attempt++)
        {
            await Task.Delay(schedule.Between(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7)));
            engine.Kill();
            var down = schedule.Between(TimeSpan.Zero, TimeSpan.FromSeconds(3));
            schedule.Note($"engine #{attempt} SIGKILLed, down for {down.TotalSeconds:N2} s; {await run.ProgressAsync()}");
            await Task.Delay(down);
            await engine.RestartAsync();
            Assert.False(shipper.HasExited || firehose.HasExited, $"a process stopped while Kinesis was down\n{Context()}");
        }
        await run.DrainAndCheckAsync(schedule, Context, shipper, firehose);
        output.WriteLine(schedule.Describe());
    }
}
