using Sandbox.ClickLog;
using Sandbox.Firehose;
using Sandbox.Firehose.Buffering;
using Sandbox.Stack.Isolation;
using Sandbox.Shipper;
using Sandbox.Stack.Pipeline;

namespace Sandbox.Scenarios.Steps.Pipeline;

/// <summary>
/// The pipeline's boxes on a scenario's own resources, wired and hosted as `sandbox run` does
/// (<see cref="PipelineBoxes"/>, <see cref="PipelineHost"/>): the shipper tailing a log folder, both
/// Firehose delivery streams and the click-log mapping. Buffers are short (a scenario's data is small).
/// </summary>
public sealed class PipelineSession : IAsyncDisposable
{
    private static readonly BufferingHints ShortBuffers = BufferingHints.FromAws(1, 1);

    /// <summary>
    /// The host's drain rule with a short quiet period: a scenario's stream is new and its lease table
    /// its own, so no consumer reads older records or waits out another worker's lease.
    /// </summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private readonly PipelineBoxes _boxes;
    private readonly PipelineHost _host;
    private bool _stopped;

    private PipelineSession(PipelineBoxes boxes)
    {
        _boxes = boxes;
        _host = boxes.Host(TextWriter.Null);
    }

    public ShipperWorker Shipper => _boxes.Shipper!;

    public IReadOnlyList<DeliveryStream> Deliveries => _boxes.Deliveries.Workers;

    public ClickLogMapping Clicks => _boxes.Clicks;

    /// <param name="once">Ship what is in the folder and finish (batch); false keeps tailing (a live app).</param>
    public static async Task<PipelineSession> StartAsync(IsolatedResources resources, string logFolder, string stateFolder, bool once, CancellationToken ct)
    {
        var endpoints = resources.Endpoints;
        var boxes = PipelineBoxes.Create(endpoints,
            new FirehoseOptions { ArchiveBuffering = ShortBuffers, WarehouseBuffering = ShortBuffers },
            new ClickLogOptions { MaximumBatchingWindow = TimeSpan.FromMilliseconds(100) },
            new ShipperOptions
            {
                SourceDirectory = logFolder,
                StateDirectory = stateFolder,
                StreamName = endpoints.Resources.Stream,
                Once = once,
                FlushInterval = TimeSpan.FromMilliseconds(200),
                RefreshInterval = TimeSpan.FromMilliseconds(200),
                PollInterval = TimeSpan.FromMilliseconds(50),
            });
        var session = new PipelineSession(boxes);
        try
        {
            await session._host.StartAsync(ct);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        return session;
    }

    /// <summary>Until the host's drain rule holds (<see cref="PipelineHost.WaitUntilDrainedAsync"/>); a dead box or the timeout fails with every box's counters.</summary>
    public Task WaitUntilDrainedAsync(TimeSpan timeout, CancellationToken ct) =>
        _host.WaitUntilDrainedAsync(QuietPeriod, TimeSpan.MaxValue, ct, timeout: timeout);

    public string Describe() =>
        $"{_host.Describe()}; shipper {Shipper.Stats}; click-log mapping {Clicks.Worker.Metrics}";

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _boxes.DisposeAsync();
    }
}
