using Sandbox.Kinesis.Consumer;
namespace Sandbox.Firehose.Consumer;

/// <summary>How a delivery stream reads its source stream.</summary>
public sealed record ConsumerOptions
{
    /// <summary>Records per GetRecords call (AWS maximum 10,000).</summary>
    public int GetRecordsLimit { get; init; } = 10_000;

    /// <summary>Pause when no shard had new records (KCL's idleTimeBetweenReads is 1 s).</summary>
    public TimeSpan IdlePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>On graceful stop, how long the final delivery may take before it is left for the next run to redo.</summary>
    public TimeSpan ShutdownDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Batches handed to the destination and not yet checkpointed, at most (1 or more). The consumer
    /// reads the next batch meanwhile; two let a warehouse COPY run while the next batch is staged.
    /// </summary>
    public int DeliveriesInFlight { get; init; } = 2;

    public LeaseOptions Leases { get; init; } = new();
}
