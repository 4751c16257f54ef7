namespace Sandbox.Firehose.Metrics;

/// <summary>Where per-minute delivery metrics go (the warehouse's delivery_metrics table).</summary>
public interface IMetricsSink
{
    Task WriteAsync(IReadOnlyList<MinuteMetrics> minutes, CancellationToken cancellationToken);
}
