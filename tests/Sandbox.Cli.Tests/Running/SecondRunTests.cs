using Sandbox.Cli.Tests.Faults;
using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Running;

/// <summary>
/// `make demo` twice with the same settings (tools/demo.sh: generate, then `run --once`): the second
/// generate leaves the files alone and the second run ships nothing, so nothing reaches the archive twice.
/// </summary>
[Collection(StackCollection.Name)]
public class SecondRunTests(StackFixture stack)
{
    [Fact]
    public async Task Generating_and_running_the_same_day_again_ships_nothing()
    {
        await using var run = await FaultPipeline.CreateAsync(stack, seed: 11, eventsPerDay: 3_000);
        string[] pipeline = ["run", "--from", run.Logs, "--state", run.ShipperState, "--once", "--buffer-seconds", "1"];
        var first = await run.RunToEndAsync(pipeline);
        Assert.Contains($"{run.ManifestEvents:N0} records shipped and delivered", first.StandardOutput);
        var archived = (await run.ArchiveRecordsAsync()).Records;

        var generatedAgain = await run.RunToEndAsync(run.GenerateArguments);
        var second = await run.RunToEndAsync(pipeline);

        Assert.Contains("left as is", generatedAgain.StandardOutput);
        Assert.Contains(" 0 records shipped and delivered", second.StandardOutput);
        Assert.Equal(archived, (await run.ArchiveRecordsAsync()).Records);
        Assert.Equal(run.ManifestEvents, (await run.WarehouseRowsAsync()).Rows);
    }
}
