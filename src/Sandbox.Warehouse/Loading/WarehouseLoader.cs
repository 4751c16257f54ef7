using Amazon.S3;
using Npgsql;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// What Redshift's <c>COPY events FROM 's3://...manifest' MANIFEST</c> does for the Firehose Redshift
/// destination: stream every staged object (gzip or plain JSON lines) named by the manifest, check
/// each line against the tracking plan, binary-COPY the valid rows into a staging table, then in one
/// transaction insert the new ones into events (event_id already there = duplicate, skipped), record
/// bad lines in bad_events and the load in load_commits. A manifest is loaded at most once.
/// </summary>
public sealed class WarehouseLoader(NpgsqlDataSource warehouse, IAmazonS3 s3, EventValidator validator)
{
    private readonly S3Objects _objects = new(s3);

    public WarehouseLoader(NpgsqlDataSource warehouse, IAmazonS3 s3, TrackingPlan plan) : this(warehouse, s3, new EventValidator(plan)) { }

    /// <exception cref="LoadManifestException">The manifest or a mandatory object is missing or malformed; nothing was loaded.</exception>
    /// <exception cref="NpgsqlException">The warehouse failed (e.g. is down); nothing was loaded, the call can be retried.</exception>
    public Task<LoadResult> LoadAsync(string deliveryStream, string manifestBucket, string manifestKey, CancellationToken cancellationToken = default) =>
        LoadAsync(deliveryStream, new S3Location(manifestBucket, manifestKey), "load", cancellationToken);

    /// <summary>
    /// Loads a manifest that Firehose moved to its error prefix after giving up retrying. Same
    /// semantics as <see cref="LoadAsync(string,string,string,CancellationToken)"/> (events and bad
    /// lines already in the warehouse are not added again); logged in load_commits as a replay.
    /// </summary>
    public Task<LoadResult> ReplayAsync(string deliveryStream, string errorBucket, string errorManifestKey, CancellationToken cancellationToken = default) =>
        LoadAsync(deliveryStream, new S3Location(errorBucket, errorManifestKey), "replay", cancellationToken);

    private async Task<LoadResult> LoadAsync(string deliveryStream, S3Location manifestLocation, string kind, CancellationToken ct)
    {
        var manifestUrl = manifestLocation.ToString();
        var startedAt = DateTimeOffset.UtcNow;
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        if (await LoadCommitLog.FindAsync(connection, deliveryStream, manifestUrl, ct) is { } earlier)
            return LoadResult.Skipped(deliveryStream, manifestUrl, earlier);

        var manifest = await _objects.ReadManifestAsync(manifestLocation, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var batch = new LoadBatch(validator);
        var missing = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var staging = await EventStaging.BeginAsync(connection, ct))
        {
            foreach (var entry in manifest.Entries)
            {
                if (!await StageObjectAsync(entry, batch, staging, ct))
                    missing.Add(entry.Location.ToString());
            }
            await staging.CompleteAsync(ct);
        }

        var stagingTime = clock.Elapsed;
        var inserted = await EventStaging.InsertNewEventsAsync(connection, ct);
        await BadEventWriter.InsertAsync(connection, deliveryStream, batch.BadLines, ct);
        var commit = new LoadCommit(deliveryStream, manifestUrl, kind, batch.Lines, batch.Staged, inserted,
            batch.Staged - inserted, batch.BadLines.Count, startedAt, default);
        if (!await LoadCommitLog.TryRecordAsync(connection, commit, ct))
        {
            // A concurrent call committed this manifest while we were staging: ours must not count twice.
            await transaction.RollbackAsync(ct);
            return LoadResult.Skipped(deliveryStream, manifestUrl, (await LoadCommitLog.FindAsync(connection, deliveryStream, manifestUrl, ct))!);
        }
        await transaction.CommitAsync(ct);
        return new LoadResult(deliveryStream, manifestUrl, manifest.Entries.Count - missing.Count, batch.Lines, batch.Staged,
            inserted, batch.Staged - inserted, batch.BadLines.Count, missing)
        {
            StagingTime = stagingTime,
            CommitTime = clock.Elapsed - stagingTime,
        };
    }

    /// <returns>False when an optional object is missing (Redshift skips those too).</returns>
    private async Task<bool> StageObjectAsync(ManifestEntry entry, LoadBatch batch, EventStaging staging, CancellationToken ct)
    {
        using var response = await _objects.TryGetAsync(entry.Location, ct);
        if (response is null)
        {
            return entry.Mandatory
                ? throw new LoadManifestException($"mandatory manifest entry {entry.Location} does not exist in S3: nothing was loaded")
                : false;
        }
        await using var lines = StagedObjectStream.Open(response.ResponseStream);
        // Synchronous from here: lines go straight from the S3 socket to the COPY socket.
        await Task.Run(() => batch.Stage(entry.Location.ToString(), new LineReader(lines), staging, ct), ct);
        return true;
    }
}
