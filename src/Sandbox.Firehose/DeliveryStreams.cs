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
using Sandbox.Warehouse.Loading;
using Sandbox.Warehouse;

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
        var warehouse = WarehouseDataSource.Create(endpoints);
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
        var toWarehouse = new WarehouseDestination(writer, CreateLoader(warehouse, s3), WarehouseOptionsFor(endpoints, options),
            new ObjectKeyNamer(warehouseName), clock, loggers.CreateLogger<WarehouseDestination>());

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

    /// <summary>Chooses the to-warehouse loader: SANDBOX_FIREHOSE_LOADER=redshift-copy issues Redshift's COPY over the wire.</summary>
    public const string LoaderVariable = "SANDBOX_FIREHOSE_LOADER";

    /// <summary>
    /// The in-process loader by default (binary COPY, tracking plan applied); with <see cref="LoaderVariable"/> =
    /// redshift-copy, <see cref="RedshiftCopyLoader"/> (COPY ... MANIFEST through the endpoint, as AWS Firehose does).
    /// </summary>
    public static IManifestLoader CreateLoader(NpgsqlDataSource warehouse, IAmazonS3 s3) =>
        Environment.GetEnvironmentVariable(LoaderVariable) switch
        {
            null or "" or "in-process" => new WarehouseManifestLoader(new WarehouseLoader(warehouse, s3, TrackingPlanLoader.LoadEmbedded())),
            "redshift-copy" => new RedshiftCopyLoader(warehouse, s3),
            var other => throw new ArgumentException($"{LoaderVariable}='{other}' is neither 'in-process' nor 'redshift-copy'"),
        };

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in Workers) worker.Dispose();
        foreach (var client in _clients) client.Dispose();
        await _warehouse.DisposeAsync();
    }
}
