using System.Diagnostics;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Load.Day;
using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Processes;

/// <summary>What the shipper alone did with the day: the yardstick of an end-to-end rate.</summary>
public sealed record BaselineResult(long Shipped, TimeSpan Elapsed)
{
    public double EventsPerSecond => Shipped / Math.Max(0.001, Elapsed.TotalSeconds);
}

/// <summary>
/// The baseline of a --speed max run, in the same run and on the same stack: the day shipped by
/// `sandbox ship --once` alone (process start to drained) into a fresh stream of the same shard count,
/// quotas off and nobody reading it; the stream is deleted after.
/// </summary>
public static class ShipperBaseline
{
    public static async Task<BaselineResult> RunAsync(string id, LoadDay day, int shards, SandboxEndpoints stack, string folder, CancellationToken cancellationToken)
    {
        var stream = $"load-{id}-shipper-alone";
        using var kinesis = KinesisClient.Create(stack);
        await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = shards, Tags = new() { ["sandbox:limits"] = "off" } }, cancellationToken);
        try
        {
            // The same runtime settings as the run's shipper: the yardstick must be the same process.
            var environment = BoxProcess.LongRunning(new Dictionary<string, string> { ["SANDBOX_STREAM"] = stream, ["SANDBOX_STREAM_SHARDS"] = shards.ToString() });
            var progress = new ShipperProgress();
            await using var ship = new BoxProcess("shipper-alone", ["ship", "--from", day.Folder, "--state", Path.Combine(folder, "shipper-alone"), "--once"],
                environment, Path.Combine(folder, "shipper-alone.log"));
            ship.LineReceived += progress.Read;
            var clock = Stopwatch.StartNew();
            ship.Start();
            var exit = await ship.WaitAsync(TimeSpan.FromHours(2)).WaitAsync(cancellationToken);
            clock.Stop();
            if (exit is not 0) throw new InvalidOperationException($"the baseline `{ship.CommandLine}` exited {exit?.ToString() ?? "(killed after 2 h)"}:\n{ship.Tail}");
            return new BaselineResult(progress.Shipped, clock.Elapsed);
        }
        finally
        {
            await kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = stream }, CancellationToken.None);
        }
    }
}
