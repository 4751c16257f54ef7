using Amazon.S3;
using Npgsql;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// What Redshift's <c>COPY events FROM 's3://...manifest' MANIFEST</c> does for the Firehose Redshift
/// destination: stream every staged object (gzip or plain JSON lines) named by the manifest, check
/// each line against the tracking plan and binary-COPY the valid rows in (see <see cref="CopyNewEventsAsync"/>);
/// in the same transaction record bad lines in bad_events and the load in load_commits. An event_id
/// already in events is a duplicate and skipped; a manifest is loaded at most once.
/// </summary>
public sealed class WarehouseLoader(NpgsqlDataSource warehouse, IAmazonS3 s3, EventValidator validator)
{
    private readonly S3Objects _objects = new(s3);

    public WarehouseLoader(NpgsqlDataSource warehouse, IAmazonS3 s3, TrackingPlan plan) : this(warehouse, s3, new EventValidator(plan)) { }

    /// <summary>
    /// Read and check lines on one thread and write the COPY on another (the default with more than
    /// one core: the one-thread load reached 0.91-0.96 of it, docs/BENCHMARKS.md "Warehouse loader"); false does both on one.
    /// </summary>
    public bool OverlapReadingAndWriting { get; init; } = Environment.ProcessorCount > 1;

    /// <exception cref="LoadManifestException">The manifest or a mandatory object is missing or malformed; nothing was loaded.</exception>
    /// <exception cref="IOException">A staged object read short (still being written); nothing was loaded, the call can be retried.</exception>
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

    /// <summary>
    /// Redshift's <c>COPY ... NOLOAD</c>: reads every object the manifest names and checks and encodes
    /// every line exactly as <see cref="LoadAsync(string,string,string,CancellationToken)"/> would, but
    /// writes nothing and needs no warehouse connection. Says whether a staged batch would load cleanly.
    /// </summary>
    /// <exception cref="LoadManifestException">The manifest or a mandatory object is missing or malformed.</exception>
    /// <exception cref="IOException">A staged object read short (still being written).</exception>
    public async Task<LoadCheck> CheckAsync(string manifestBucket, string manifestKey, CancellationToken cancellationToken = default)
    {
        var manifest = await _objects.ReadManifestAsync(new S3Location(manifestBucket, manifestKey), cancellationToken);
        var pass = new CopyPass(new LoadBatch(validator, skipRepeatedIds: true), []);
        await StageAllAsync(manifest, pass, DiscardedRows.Instance, cancellationToken);
        var batch = pass.Batch;
        return new LoadCheck(manifest.Entries.Count - pass.Missing.Count, batch.Lines, batch.Staged, batch.Staged - batch.Written,
            batch.BadLines.Select(b => new LoadCheck.BadLine(b.LineRef, b.ViolationsJson)).ToList(), pass.Missing);
    }

    private async Task<LoadResult> LoadAsync(string deliveryStream, S3Location manifestLocation, string kind, CancellationToken ct)
    {
        var manifestUrl = manifestLocation.ToString();
        var startedAt = DateTimeOffset.UtcNow;
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        if (await LoadCommitLog.FindAsync(connection, deliveryStream, manifestUrl, ct) is { } earlier)
            return LoadResult.Skipped(deliveryStream, manifestUrl, earlier);

        var manifest = await _objects.ReadManifestAsync(manifestLocation, ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (pass, inserted, direct) = await CopyNewEventsAsync(connection, transaction, manifest, tryDirect: kind == "load", ct);
        var stagingTime = clock.Elapsed;
        await BadEventWriter.InsertAsync(connection, deliveryStream, pass.Batch.BadLines, ct);
        var batch = pass.Batch;
        var commit = new LoadCommit(deliveryStream, manifestUrl, kind, batch.Lines, batch.Staged, inserted,
            batch.Staged - inserted, batch.BadLines.Count, startedAt, default);
        if (!await LoadCommitLog.TryRecordAsync(connection, commit, ct))
        {
            // A concurrent call committed this manifest while we were staging: ours must not count twice.
            await transaction.RollbackAsync(ct);
            return LoadResult.Skipped(deliveryStream, manifestUrl, (await LoadCommitLog.FindAsync(connection, deliveryStream, manifestUrl, ct))!);
        }
        await transaction.CommitAsync(ct);
        return new LoadResult(deliveryStream, manifestUrl, manifest.Entries.Count - pass.Missing.Count, batch.Lines, batch.Staged,
            inserted, batch.Staged - inserted, batch.BadLines.Count, pass.Missing)
        {
            CopiedDirectly = direct,
            StagingTime = stagingTime,
            CommitTime = clock.Elapsed - stagingTime,
        };
    }

    /// <summary>
    /// Fast path: COPY straight into events, which holds when none of the event_ids is there yet (the
    /// usual case: a Firehose batch is new data). If one is (a redelivery, or a concurrent load), the
    /// unique violation rolls that back to a savepoint and the rows go the Redshift way instead:
    /// COPY into staging, then INSERT .. ON CONFLICT (event_id) DO NOTHING. Replays go that way at once.
    /// </summary>
    private async Task<(CopyPass Pass, long Inserted, bool Direct)> CopyNewEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, LoadManifest manifest, bool tryDirect, CancellationToken ct)
    {
        if (tryDirect)
        {
            await transaction.SaveAsync("direct_copy", ct);
            try
            {
                var direct = await CopyPassAsync(connection, manifest, direct: true, ct);
                return (direct, direct.Batch.Written, true);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync("direct_copy", ct);
            }
        }
        var staged = await CopyPassAsync(connection, manifest, direct: false, ct);
        return (staged, await EventCopy.InsertNewEventsAsync(connection, ct), false);
    }

    private sealed record CopyPass(LoadBatch Batch, List<string> Missing);

    private async Task<CopyPass> CopyPassAsync(NpgsqlConnection connection, LoadManifest manifest, bool direct, CancellationToken ct)
    {
        var pass = new CopyPass(new LoadBatch(validator, skipRepeatedIds: direct), []);
        await using var copy = direct ? await EventCopy.IntoEventsAsync(connection, ct) : await EventCopy.IntoStagingAsync(connection, ct);
        if (!OverlapReadingAndWriting) await StageAllAsync(manifest, pass, copy, ct);
        else using (var pipe = new RowPipe())
        {
            var writer = pipe.DrainIntoAsync(copy, ct);
            try
            {
                await StageAllAsync(manifest, pass, pipe, ct);
            }
            finally
            {
                // The writer must be done with the COPY before it completes or is disposed; its error, if any, wins.
                pipe.Complete();
                await writer;
            }
        }
        await copy.CompleteAsync(ct);
        return pass;
    }

    private async Task StageAllAsync(LoadManifest manifest, CopyPass pass, IRowSink rows, CancellationToken ct)
    {
        foreach (var entry in manifest.Entries)
        {
            if (!await StageObjectAsync(entry, pass.Batch, rows, ct))
                pass.Missing.Add(entry.Location.ToString());
        }
    }

    /// <returns>False when an optional object is missing (Redshift skips those too).</returns>
    private async Task<bool> StageObjectAsync(ManifestEntry entry, LoadBatch batch, IRowSink rows, CancellationToken ct)
    {
        using var response = await _objects.TryGetAsync(entry.Location, ct);
        if (response is null)
        {
            return entry.Mandatory
                ? throw new LoadManifestException($"mandatory manifest entry {entry.Location} does not exist in S3: nothing was loaded")
                : false;
        }
        await using var staged = StagedObjectStream.Open(response.ResponseStream);
        // Synchronous from here: lines go from the S3 socket through the pipe to the COPY socket.
        await Task.Run(() => batch.Stage(entry.Location.ToString(), new LineReader(staged.Content), rows, ct), ct);
        // Its rows are in the COPY already: a short object fails the whole load, whose transaction then rolls back.
        if (staged.Incomplete(entry.ContentLength) is { } incomplete)
            throw new IOException($"staged object {entry.Location} read short: {incomplete}; nothing was loaded (it may still have been being written: load again)");
        return true;
    }
}
