using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.Firehose;

/// <summary>One delivery stream: its Kinesis source, its consumer application and its buffering hints.</summary>
public sealed record DeliveryStreamOptions
{
    public required string Name { get; init; }

    public required string SourceStream { get; init; }

    /// <summary>The consumer application in the lease table; each delivery stream has its own, so each reads every record.</summary>
    public string ApplicationName => $"firehose-{Name}";

    public string LeaseTable { get; init; } = "kinesis_leases";

    public BufferingHints Buffering { get; init; } = BufferingHints.AwsDefaults;

    public ConsumerOptions Consumer { get; init; } = new();

    /// <summary>How often the per-minute metrics are written to the warehouse.</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(10);
}
