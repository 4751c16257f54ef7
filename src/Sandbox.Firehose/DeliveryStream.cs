using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Sandbox.Core.Pipeline;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Metrics;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis;

namespace Sandbox.Firehose;

/// <summary>
/// A Firehose delivery stream as a hosted worker: consumes the Kinesis stream with leases,
/// buffers by the hints, delivers to its destination, checkpoints after delivery, and writes
/// CloudWatch-like metrics per minute. Stopping delivers what is buffered and releases the leases.
/// </summary>
public sealed class DeliveryStream : PipelineWorker
{
    private readonly StreamConsumer _consumer;
    private readonly IMetricsSink? _metricsSink;
    private readonly DeliveryStreamOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public DeliveryStream(DeliveryStreamOptions options, IKinesisClient kinesis, IAmazonDynamoDB dynamo,
        IDeliveryDestination destination, IMetricsSink? metricsSink, TimeProvider clock, ILogger logger)
        : base(options.Name)
    {
        _options = options;
        _metricsSink = metricsSink;
        _clock = clock;
        _logger = logger;
        Metrics = new DeliveryMetrics(options.Name, clock);
        var leases = new LeaseCoordinator(
            new LeaseTable(dynamo, options.LeaseTable, options.ApplicationName), kinesis, options.SourceStream, options.Consumer.Leases, clock);
        _consumer = new StreamConsumer(kinesis, options.SourceStream, leases, new RecordBuffer(options.Buffering, clock),
            destination, options.Consumer, Counters, Metrics, clock, logger);
    }

    public DeliveryMetrics Metrics { get; }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var stopMetrics = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var metricsLoop = WriteMetricsPeriodicallyAsync(stopMetrics.Token);
        try
        {
            await _consumer.RunAsync(MarkReady, stoppingToken);
        }
        finally
        {
            await stopMetrics.CancelAsync();
            await metricsLoop;
        }
    }

    protected override async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _consumer.ShutdownAsync(cancellationToken);
        await WriteMetricsAsync(cancellationToken);
        _logger.LogInformation("{Delivery} stopped: {Counters}", Name, Counters);
    }

    private async Task WriteMetricsPeriodicallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.MetricsInterval, _clock, cancellationToken);
                await WriteMetricsAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Metrics wait in memory while the warehouse is down; they are added, never lost, once it answers.</summary>
    private async Task WriteMetricsAsync(CancellationToken cancellationToken)
    {
        if (_metricsSink is null) return;
        var minutes = Metrics.Take();
        try
        {
            await _metricsSink.WriteAsync(minutes, cancellationToken);
        }
        catch (Exception error)
        {
            Metrics.Restore(minutes);
            if (error is not OperationCanceledException)
                _logger.LogWarning("{Delivery}: metrics not written yet ({Error}); kept for the next attempt", Name, error.Message);
        }
    }
}
