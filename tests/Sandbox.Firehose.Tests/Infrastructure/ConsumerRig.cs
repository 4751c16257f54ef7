using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Core.Pipeline;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Metrics;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>Builds delivery streams and bare consumers over one test stream and lease table, with fast test timings.</summary>
public sealed class ConsumerRig(FirehoseFixture fixture, string stream, string leaseTable)
{
    public string Stream => stream;
    public string LeaseTable => leaseTable;

    public static async Task<ConsumerRig> CreateAsync(FirehoseFixture fixture, int shards) =>
        new(fixture, await fixture.CreateStreamAsync(shards), await fixture.CreateLeaseTableAsync());

    public ConsumerOptions Consumer(TimeSpan? failover = null, int limit = 10_000) => new()
    {
        GetRecordsLimit = limit,
        IdlePollInterval = TimeSpan.FromMilliseconds(50),
        ShutdownDeliveryTimeout = TimeSpan.FromSeconds(10),
        Leases = new LeaseOptions { FailoverTime = failover ?? TimeSpan.FromSeconds(2) },
    };

    public DeliveryStream DeliveryStream(string name, IDeliveryDestination destination, BufferingHints hints,
        ConsumerOptions? consumer = null, IMetricsSink? metrics = null) => new(
        new DeliveryStreamOptions
        {
            Name = name, SourceStream = stream, LeaseTable = leaseTable, Buffering = hints, Consumer = consumer ?? Consumer(),
            MetricsInterval = TimeSpan.FromMilliseconds(200),
        },
        fixture.Kinesis, fixture.Dynamo, destination, metrics, TimeProvider.System, NullLogger.Instance);

    /// <summary>A bare worker of application <paramref name="application"/>: cancelling it without ShutdownAsync is a crash.</summary>
    public StreamConsumer BareConsumer(string application, IDeliveryDestination destination, BufferingHints hints, ConsumerOptions consumer,
        WorkerCounters? counters = null)
    {
        var leases = new LeaseCoordinator(new LeaseTable(fixture.Dynamo, leaseTable, application), fixture.Kinesis, stream, consumer.Leases, TimeProvider.System);
        return new StreamConsumer(fixture.Kinesis, stream, leases, new RecordBuffer(hints, TimeProvider.System), destination, consumer,
            counters ?? new WorkerCounters(), new DeliveryMetrics(application, TimeProvider.System), TimeProvider.System, NullLogger.Instance);
    }

    public Task<IReadOnlyList<Lease>> LeasesAsync(string application) =>
        new LeaseTable(fixture.Dynamo, leaseTable, application).ListAsync(CancellationToken.None);
}
