using Microsoft.Extensions.Hosting;
using Sandbox.ClickLog;
using Sandbox.Core.Pipeline;
using Sandbox.Firehose;
using Sandbox.Firehose.Buffering;
using Sandbox.Kinesis;
using Sandbox.Scenarios.Steps.Stack;
using Sandbox.Shipper;

namespace Sandbox.Scenarios.Steps.Pipeline;

/// <summary>
/// The pipeline's boxes on a scenario's own resources, composed as `sandbox run` does: the shipper
/// tailing a log folder, both Firehose delivery streams and the click-log mapping. Buffers are
/// short (a scenario's data is small); consumers start first so the shipper's records are all read.
/// </summary>
public sealed class PipelineSession : IAsyncDisposable
{
    private static readonly BufferingHints ShortBuffers = BufferingHints.FromAws(1, 1);
    private static readonly TimeSpan ConsumerStagger = TimeSpan.FromSeconds(1.1);
    private readonly DeliveryStreams _deliveries;
    private readonly ClickLogMapping _clicks;
    private readonly KinesisClient _kinesis;
    private bool _stopped;

    private PipelineSession(DeliveryStreams deliveries, ClickLogMapping clicks, KinesisClient kinesis, ShipperWorker shipper)
    {
        _deliveries = deliveries;
        _clicks = clicks;
        _kinesis = kinesis;
        Shipper = shipper;
    }

    public ShipperWorker Shipper { get; }

    public IReadOnlyList<DeliveryStream> Deliveries => _deliveries.Workers;

    public ClickLogMapping Clicks => _clicks;

    private IEnumerable<PipelineWorker> Consumers => [.. _deliveries.Workers, _clicks.Worker];

    private IEnumerable<PipelineWorker> All => [.. Consumers, Shipper];

    /// <param name="once">Ship what is in the folder and finish (batch); false keeps tailing (a live app).</param>
    public static async Task<PipelineSession> StartAsync(ScenarioStack stack, string logFolder, string stateFolder, bool once, CancellationToken ct)
    {
        var endpoints = stack.Endpoints;
        var deliveries = DeliveryStreams.Create(endpoints, new FirehoseOptions
        {
            ArchiveBuffering = ShortBuffers,
            WarehouseBuffering = ShortBuffers,
        });
        var clicks = ClickLogMapping.Create(endpoints, new ClickLogOptions { MaximumBatchingWindow = TimeSpan.FromMilliseconds(100) });
        var kinesis = KinesisClient.Create(endpoints);
        var shipper = new ShipperWorker(new ShipperOptions
        {
            SourceDirectory = logFolder,
            StateDirectory = stateFolder,
            StreamName = endpoints.Resources.Stream,
            Once = once,
            FlushInterval = TimeSpan.FromMilliseconds(200),
            RefreshInterval = TimeSpan.FromMilliseconds(200),
            PollInterval = TimeSpan.FromMilliseconds(50),
        }, kinesis);
        var session = new PipelineSession(deliveries, clicks, kinesis, shipper);
        // The Firehose consumer dies on the engine's throttling (ProvisionedThroughputExceeded, 5 GetRecords
        // calls/s per shard) instead of backing off. A batch is therefore shipped before the consumers start,
        // so each reads a shard in one call, and the consumers start a second apart.
        if (once) await session.ShipAsync(ct);
        foreach (var consumer in session.Consumers)
        {
            await consumer.StartAsync(ct);
            await consumer.Ready.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await Task.Delay(ConsumerStagger, ct);
        }
        if (!once) await shipper.StartAsync(ct);
        return session;
    }

    private async Task ShipAsync(CancellationToken ct)
    {
        await Shipper.StartAsync(ct);
        await Shipper.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>
    /// Until the shipper finished and every consumer has read and settled every record Kinesis
    /// stored: delivery streams In >= shipped with nothing in flight, the mapping polled as many
    /// with each one invoked, filtered out or dropped.
    /// </summary>
    public async Task WaitUntilDrainedAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        await Shipper.ExecuteTask!.WaitAsync(timeout, ct);
        while (!Drained())
        {
            // A box that died will never drain: say which and why at once instead of waiting out the timeout.
            if (All.FirstOrDefault(w => w.ExecuteTask is { IsFaulted: true }) is { } dead)
                throw new InvalidOperationException($"{dead.Name} stopped with an error: {dead.ExecuteTask!.Exception!.GetBaseException().Message}; {Describe()}",
                    dead.ExecuteTask.Exception!.GetBaseException());
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the pipeline did not deliver everything within {timeout.TotalSeconds:N0} s: {Describe()}");
            await Task.Delay(100, ct);
        }
    }

    private bool Drained()
    {
        var shipped = Shipper.Counters.Out;
        var mapping = _clicks.Worker.Metrics;
        return _deliveries.Workers.All(d => d.Counters.In >= shipped && d.Counters.InFlight == 0)
            && mapping.PolledEventCount >= shipped
            && mapping.PolledEventCount == mapping.InvokedEventCount + mapping.FilteredOutEventCount + mapping.DroppedEventCount;
    }

    public string Describe() =>
        $"shipper {Shipper.Counters} ({Shipper.Stats}); "
        + string.Join("; ", _deliveries.Workers.Select(d => $"{d.Name} {d.Counters}"))
        + $"; click-log mapping {_clicks.Worker.Metrics}";

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await Shipper.StopAsync(CancellationToken.None);
        foreach (var consumer in Consumers.Reverse()) await consumer.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Shipper.Dispose();
        _kinesis.Dispose();
        await _clicks.DisposeAsync();
        await _deliveries.DisposeAsync();
    }
}
