using Microsoft.Extensions.Logging;
using Sandbox.Aws.Manifests;
using Sandbox.Core.TrackingPlan;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Naming;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Firehose's Redshift destination: stage the batch as JSON lines in the intermediate bucket,
/// write a manifest next to it, COPY through the loader, with the records' tracking-plan violations
/// (checked here, where the records are at hand) recorded beside the events. While the warehouse is down the load is
/// retried for the retry duration; after that the manifest goes to the error prefix for replay,
/// so the batch counts as routed to errors, never as lost.
/// </summary>
public sealed class WarehouseDestination : IDeliveryDestination
{
    private readonly S3ObjectWriter _writer;
    private readonly IManifestLoader _loader;
    private readonly WarehouseOptions _options;
    private readonly ObjectKeyNamer _names;
    private readonly PrefixExpression _staging, _manifests, _errors;
    private readonly LoadRetry _retry;
    private readonly ILogger _logger;
    private readonly TrackingPlan _plan;

    public WarehouseDestination(S3ObjectWriter writer, IManifestLoader loader, WarehouseOptions options, ObjectKeyNamer names,
        TrackingPlan plan, TimeProvider clock, ILogger logger)
    {
        _plan = plan;
        _staging = PrefixExpression.Parse(options.StagingPrefix, nameof(options.StagingPrefix));
        _manifests = PrefixExpression.Parse(options.StagingPrefix + "manifests/", nameof(options.StagingPrefix));
        _errors = PrefixExpression.Parse(options.ErrorOutputPrefix, nameof(options.ErrorOutputPrefix));
        _writer = writer;
        _loader = loader;
        _options = options;
        _names = names;
        _retry = new LoadRetry(options, clock, logger);
        _logger = logger;
    }

    public string Kind => "Redshift";

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        var arrival = batch.OldestArrival;
        var records = batch.Records.Select(r => r.Data).ToArray();
        // Batches are delivered concurrently (read-ahead): each checks its records with a checker of its own, from the
        // start, so the check overlaps the staging PUTs as well as the COPY.
        var violations = TrackingPlanCheck.CheckAllInBackground(_plan, records);
        var body = JsonLines.Encode(records);
        var objectKey = _names.Name(_staging.Evaluate(arrival), arrival);
        await _writer.PutAsync(_options.StagingBucket, objectKey, body, "application/json", cancellationToken);

        var manifestModel = CopyManifest.Of(_options.StagingBucket, objectKey, body.Length);
        var manifest = manifestModel.ToJson();
        var manifestKey = _names.Name(_manifests.Evaluate(arrival), arrival);
        await _writer.PutAsync(_options.StagingBucket, manifestKey, manifest, "application/json", cancellationToken);

        var load = new ManifestLoad(_names.DeliveryStream, _options.StagingBucket, manifestKey, manifestModel, violations);
        var loaded = await _retry.RunAsync(token => _loader.LoadAsync(load, token), cancellationToken);
        // Lines the COPY could not store are in bad_events: delivered to the warehouse, not lost.
        if (loaded is not null) return new DeliveryOutcome(batch.Records.Count, 0, batch.Bytes);

        var errorKey = _errors.Evaluate(arrival, "redshift-failed") + manifestKey[(manifestKey.LastIndexOf('/') + 1)..];
        await _writer.PutAsync(_options.ErrorBucket, errorKey, manifest, "application/json", cancellationToken);
        _logger.LogError("{Delivery}: {Count} records not loaded; manifest kept at s3://{Bucket}/{Key} for `sandbox firehose replay`",
            _names.DeliveryStream, batch.Records.Count, _options.ErrorBucket, errorKey);
        return new DeliveryOutcome(0, batch.Records.Count, 0);
    }
}
