using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog;
using Sandbox.Core.Endpoints;
using Sandbox.Firehose;
using Sandbox.Kinesis;
using Sandbox.Shipper;

namespace Sandbox.Stack.Pipeline;

/// <summary>
/// The pipeline's long-running boxes on one endpoints contract, wired once for `sandbox run` and the
/// scenarios: the shipper (when there is a log folder), both Firehose delivery streams and the
/// click-log mapping, hosted by <see cref="Host"/>. Dispose after the host stopped to release the clients.
/// </summary>
public sealed class PipelineBoxes : IAsyncDisposable
{
    private readonly KinesisClient _kinesis;

    private PipelineBoxes(DeliveryStreams deliveries, ClickLogMapping clicks, KinesisClient kinesis, ShipperWorker? shipper)
    {
        Deliveries = deliveries;
        Clicks = clicks;
        _kinesis = kinesis;
        Shipper = shipper;
    }

    public DeliveryStreams Deliveries { get; }

    public ClickLogMapping Clicks { get; }

    /// <summary>Null when only the consumers run (`sandbox run` without --from).</summary>
    public ShipperWorker? Shipper { get; }

    /// <param name="shipper">What to ship (to the contract's stream); null runs the consumers alone.</param>
    public static PipelineBoxes Create(SandboxEndpoints endpoints, FirehoseOptions firehose, ClickLogOptions clicks, ShipperOptions? shipper,
        ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var deliveries = DeliveryStreams.Create(endpoints, firehose, loggers);
        var mapping = ClickLogMapping.Create(endpoints, clicks, loggers);
        var kinesis = KinesisClient.Create(endpoints);
        var worker = shipper is null
            ? null
            : new ShipperWorker(shipper, kinesis, loggers.CreateLogger<ShipperWorker>());
        return new PipelineBoxes(deliveries, mapping, kinesis, worker);
    }

    /// <summary>The boxes' host: consumers first (delivery streams, then the mapping), the shipper last.</summary>
    public PipelineHost Host(TextWriter output) => new([.. Deliveries.Workers, Clicks.Worker], Shipper, output);

    public async ValueTask DisposeAsync()
    {
        Shipper?.Dispose();
        _kinesis.Dispose();
        await Clicks.DisposeAsync();
        await Deliveries.DisposeAsync();
    }
}
