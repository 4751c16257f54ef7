using Sandbox.Testing;
using Xunit.Abstractions;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// The warehouse stopped for 60 s in the middle of a delivery: a real PostgreSQL of the test's own
/// stopped with pg_ctl (the shared stack's stays up), while app servers keep writing. to-warehouse
/// retries within its retry duration and loads the backlog once the server is back; to-archive
/// does not depend on the warehouse at all.
/// </summary>
[Collection(StackCollection.Name)]
public class WarehouseOutageTests(StackFixture stack, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Warehouse_stopped_for_60_s_mid_delivery_gets_the_backlog_exactly_once_when_it_returns()
    {
        Skip.IfNot(PrivateWarehouse.Available, "PostgreSQL 15 (pg_ctl) is not installed here: run 'make deps'");
        var schedule = new KillSchedule();
        await using var warehouse = await PrivateWarehouse.StartAsync(redshiftFront: true);
        await using var run = await FaultPipeline.CreateAsync(stack, seed: (ulong)schedule.Seed, warehouseServer: warehouse);
        string Context() => $"{schedule.Describe()}\n{run.ProcessOutputs()}";
        var firehose = run.Start("firehose", "run", "--buffer-seconds", "1", "--buffer-mb", "1");
        run.StartFeedingLiveLogs(TimeSpan.FromSeconds(1));
        var shipper = run.Start("ship", "--from", run.LiveLogs, "--state", run.ShipperState);

        // Mid-delivery: the first loads have committed, most of the day is still to come.
        var firstRows = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await run.WarehouseCountAsync() is not > 0 && DateTime.UtcNow < firstRows) await Task.Delay(100);
        var rowsAtStop = await run.WarehouseCountAsync();
        await warehouse.StopAsync();
        schedule.Note($"warehouse stopped (pg_ctl -m fast) at {rowsAtStop} rows of {run.ManifestEvents}");
        Assert.True(rowsAtStop is > 0 && rowsAtStop < run.ManifestEvents,
            $"the warehouse should stop mid-delivery, but it held {rowsAtStop} of {run.ManifestEvents} rows\n{Context()}");

        await Task.Delay(Outage);
        Assert.False(await warehouse.AnswersAsync(), $"the stopped warehouse answered\n{Context()}");
        Assert.False(firehose.HasExited, $"`sandbox firehose run` stopped while the warehouse was down\n{Context()}");
        var archivedDuringOutage = await run.ArchiveRecordsAsync();
        await warehouse.StartAgainAsync();
        schedule.Note($"warehouse started again after {Outage.TotalSeconds:N0} s; archive meanwhile {archivedDuringOutage.Ids.Count} distinct ids");
        schedule.Note($"the server answers again; {await run.ProgressAsync()}");

        await run.DrainAndCheckAsync(schedule, Context, shipper, firehose);
        // The delivery stream saw the outage and said so (the CLI's warnings on stderr), rather than missing it.
        Assert.Contains("warehouse load failed", firehose.StandardError);
        Assert.True(archivedDuringOutage.Ids.Count == run.Expected.Count,
            $"to-archive waited for the warehouse: {archivedDuringOutage.Ids.Count} of {run.Expected.Count} ids archived during the outage\n{Context()}");
        output.WriteLine(schedule.Describe());
    }
}
