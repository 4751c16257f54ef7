using Sandbox.Firehose.Buffering;

namespace Sandbox.Firehose.Destinations;

/// <summary>
/// Where a delivery stream writes. DeliverAsync returns only once every record is durably
/// somewhere (destination or error output); the consumer checkpoints after that, never before.
/// </summary>
public interface IDeliveryDestination
{
    /// <summary>Like AWS' destination type: "S3" or "Redshift"; names the metrics.</summary>
    string Kind { get; }

    Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken);
}

/// <param name="Delivered">Records in the destination.</param>
/// <param name="RoutedToErrors">Records kept in the error output (error prefix) instead; not lost, not delivered.</param>
/// <param name="Bytes">Bytes written to the destination.</param>
public sealed record DeliveryOutcome(long Delivered, long RoutedToErrors, long Bytes);
