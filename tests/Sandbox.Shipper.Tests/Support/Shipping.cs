using Sandbox.Kinesis;
using Sandbox.Kinesis.Resilience;

namespace Sandbox.Shipper.Tests.Support;

/// <summary>Shipper options scaled down for tests (fast polling, short intervals) and helpers to run a worker.</summary>
public static class Shipping
{
    public static ShipperOptions Options(LogFolder logs, string stream, bool once = false) => new()
    {
        SourceDirectory = logs.Root,
        StateDirectory = logs.State,
        StreamName = stream,
        Once = once,
        FlushInterval = TimeSpan.FromMilliseconds(200),
        PollInterval = TimeSpan.FromMilliseconds(20),
        RefreshInterval = TimeSpan.FromMilliseconds(100),
        GzipSettleTime = TimeSpan.FromMilliseconds(300),
        PartialLineTimeout = TimeSpan.FromSeconds(1),
        ChunkRetryWait = TimeSpan.FromMilliseconds(100),
        ChunkRetryMaxWait = TimeSpan.FromMilliseconds(500),
        SendRetry = new PutRecordsRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    /// <summary>--once: runs until the worker has drained on its own.</summary>
    public static async Task<ShipperWorker> RunOnceAsync(ShipperOptions options, IKinesisClient client, TimeSpan? timeout = null,
        Microsoft.Extensions.Logging.ILogger<ShipperWorker>? log = null)
    {
        var worker = new ShipperWorker(options with { Once = true }, client, log);
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return worker;
    }

    public static async Task<ShipperWorker> StartTailingAsync(ShipperOptions options, IKinesisClient client)
    {
        var worker = new ShipperWorker(options, client);
        await worker.StartAsync(CancellationToken.None);
        await worker.Ready.WaitAsync(TimeSpan.FromSeconds(10));
        return worker;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting until {what}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until every line read was shipped or rejected (nothing buffered).</summary>
    public static Task WaitShippedAsync(ShipperWorker worker, long lines, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => worker.Counters.Out + worker.Counters.Rejected >= lines && worker.Counters.InFlight == 0,
            $"{lines} lines are shipped ({worker.Counters})", timeout);
}
