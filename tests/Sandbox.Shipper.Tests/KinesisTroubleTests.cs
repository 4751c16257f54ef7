using Sandbox.Shipper.Tests.Support;

namespace Sandbox.Shipper.Tests;

/// <summary>Kinesis down or throttling: the shipper buffers, backs off, retries, and everything arrives.</summary>
public sealed class KinesisTroubleTests : IDisposable
{
    private readonly LogFolder _logs = new();

    [Fact]
    public async Task An_outage_is_ridden_out_and_every_line_arrives()
    {
        await using var engine = await KinesisEngine.StartAsync();
        using var client = engine.CreateClient();
        var stream = await StreamContents.CreateAsync(client);
        var expected = _logs.Events(500);
        _logs.Append(LogFolder.HourFile(1, 10), expected);
        var worker = await Shipping.StartTailingAsync(Shipping.Options(_logs, stream), client);
        await Shipping.WaitShippedAsync(worker, expected.Count);

        engine.Kill();
        var duringOutage = _logs.Events(800);
        _logs.Append(LogFolder.HourFile(1, 10), duringOutage);
        _logs.Append(LogFolder.HourFile(2, 11), [LogFolder.Event(900_001)]);
        expected.AddRange(duringOutage);
        expected.Add(LogFolder.Event(900_001));
        await Shipping.WaitUntilAsync(() => worker.Stats.FailedRecords > 0 && worker.Counters.In == expected.Count, "sends fail while Kinesis is down");
        Assert.True(worker.Counters.InFlight > 0, "lines wait in the buffer");
        Assert.NotEmpty(Directory.EnumerateFiles(worker.Options.BufferDirectory, "chunk-*.buf"));

        await engine.RestartAsync();
        await Shipping.WaitShippedAsync(worker, expected.Count);
        await worker.StopAsync(CancellationToken.None);

        Expect.AtLeastOnce(expected, await StreamContents.ReadAllAsync(client, stream));
        Assert.True(worker.Counters.Retried > 0);
        Expect.Reconciles(worker);
    }

    [Fact]
    public async Task Throughput_errors_are_backed_off_and_retried_without_loss()
    {
        var (worker, expected, stored) = await ShipAtOneShardsQuotaAsync(options => options);

        Assert.True(worker.Counters.Retried > 0, $"some records were throttled and sent again ({worker.Counters})");
        Expect.ExactlyOnce(expected, stored);
        Expect.Reconciles(worker);
    }

    [Fact]
    public async Task Throttling_the_retry_layer_absorbs_is_a_count_in_the_progress_note_not_a_warning()
    {
        var log = new CapturingLogger<ShipperWorker>();
        // One attempt per round: every throttle ends a send round, the path that used to log a warning.
        var (worker, expected, stored) = await ShipAtOneShardsQuotaAsync(
            options => options with { SendRetry = new Kinesis.Resilience.PutRecordsRetryOptions { MaxAttempts = 1 } }, log);

        Assert.True(worker.Stats.Throttled > 0, $"throttled sends are counted ({worker.Stats})");
        Assert.Equal($"{worker.Stats.Throttled:N0} throttled and resent", worker.ProgressNote);
        Assert.Empty(log.AtLeast(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.Contains(log.Entries, e => e.Message.Contains("ProvisionedThroughputExceededException")); // still there at debug level
        Expect.ExactlyOnce(expected, stored);
    }

    /// <summary>One shard admits 1,000 records/s: 2,500 lines at once must be throttled part of the way.</summary>
    private async Task<(ShipperWorker Worker, List<string> Expected, IReadOnlyList<(string PartitionKey, string Data)> Stored)>
        ShipAtOneShardsQuotaAsync(Func<ShipperOptions, ShipperOptions> adjust, CapturingLogger<ShipperWorker>? log = null)
    {
        await using var engine = await KinesisEngine.StartAsync(limits: true);
        using var client = engine.CreateClient();
        var stream = await StreamContents.CreateAsync(client, shards: 1);
        var expected = _logs.Events(2500);
        _logs.Append(LogFolder.HourFile(1, 10), expected);
        var worker = await Shipping.RunOnceAsync(adjust(Shipping.Options(_logs, stream)), client, log: log);
        return (worker, expected, await StreamContents.ReadAllAsync(client, stream));
    }

    public void Dispose() => _logs.Dispose();
}
