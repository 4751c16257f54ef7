using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Metrics;
using Sandbox.Firehose.Naming;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis;

namespace Sandbox.Firehose;

/// <summary>
/// The pipeline's two delivery streams built from the endpoints contract: "to-archive" (S3, GZIP)
/// and "to-warehouse" (Redshift COPY). Host <see cref="Workers"/> in `sandbox run`; dispose after
/// they stopped to release the clients.
/// </summary>
public sealed class DeliveryStreams : IAsyncDisposable
{
    private readonly List<IDisposable> _clients;
    private readonly NpgsqlDataSource _warehouse;

    private DeliveryStreams(IReadOnlyList<DeliveryStream> workers, List<IDisposable> clients, NpgsqlDataSource warehouse)
    {
        Workers = workers;
        _clients = clients;
        _warehouse = warehouse;
    }

    public IReadOnlyList<DeliveryStream> Workers { get; }

    /// <summary>The S3 GZIP archive stream ("to-archive" unless named otherwise).</summary>
    public DeliveryStream Archive => Workers[0];

    /// <summary>The Redshift COPY stream ("to-warehouse" unless named otherwise).</summary>
    public DeliveryStream Warehouse => Workers[1];

    public static DeliveryStreams Create(SandboxEndpoints endpoints, FirehoseOptions options, ILoggerFactory? loggers = null) =>
        Create(endpoints, options, FirehoseOptions.ArchiveStreamName, FirehoseOptions.WarehouseStreamName, loggers);

    /// <summary>
    /// The same two delivery streams under other names. Leases, metrics, load commits and object keys
    /// go by the name, so a run named apart (a bench round) starts from the stream's beginning and
    /// shares nothing with `sandbox run`.
    /// </summary>
    public static DeliveryStreams Create(
        SandboxEndpoints endpoints, FirehoseOptions options, string archiveName, string warehouseName, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var clock = TimeProvider.System;
        var names = endpoints.Resources;
        var kinesis = KinesisClient.Create(endpoints);
        var s3 = AwsClients.S3(endpoints);
        var dynamo = AwsClients.DynamoDb(endpoints);
        var warehouse = NpgsqlDataSource.Create(endpoints.WarehouseConnectionString);
        var metrics = new WarehouseMetricsSink(warehouse);
        var writer = new S3ObjectWriter(s3, clock, loggers.CreateLogger<S3ObjectWriter>());

        DeliveryStream Stream(string name, Buffering.BufferingHints hints, IDeliveryDestination destination) => new(
            new DeliveryStreamOptions
            {
                Name = name, SourceStream = names.Stream, LeaseTable = names.LeaseTable, Buffering = hints, Consumer = options.Consumer,
            },
            kinesis, dynamo, destination, metrics, clock, loggers.CreateLogger($"Sandbox.Firehose.{name}"));

        var archive = new ArchiveDestination(writer,
            new ArchiveOptions { Bucket = names.ArchiveBucket, Prefix = options.ArchivePrefix, ErrorOutputPrefix = options.ArchiveErrorOutputPrefix },
            new ObjectKeyNamer(archiveName), clock);
        var toWarehouse = new WarehouseDestination(writer, new RedshiftCopyLoader(warehouse), WarehouseOptionsFor(endpoints, options),
            new ObjectKeyNamer(warehouseName), TrackingPlanLoader.LoadEmbedded(), clock, loggers.CreateLogger<WarehouseDestination>());

        return new DeliveryStreams(
            [
                Stream(archiveName, options.ArchiveBuffering, archive),
                Stream(warehouseName, options.WarehouseBuffering, toWarehouse),
            ],
            [kinesis, s3, dynamo], warehouse);
    }

    public static WarehouseOptions WarehouseOptionsFor(SandboxEndpoints endpoints, FirehoseOptions options) => new()
    {
        StagingBucket = endpoints.Resources.StagingBucket,
        ErrorBucket = endpoints.Resources.ErrorBucket,
        RetryDuration = options.WarehouseRetryDuration,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in Workers) worker.Dispose();
        foreach (var client in _clients) client.Dispose();
        await _warehouse.DisposeAsync();
    }
}
