using Amazon.S3;
using Npgsql;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Loads a manifest the way AWS Firehose does into Redshift: it sends the Redshift
/// <c>COPY ... FROM 's3://.../manifest' MANIFEST FORMAT AS JSON 'auto'</c> over the wire to the warehouse
/// endpoint (sandbox-redshift on 5439, or a real cluster), into a temporary staging table, then, in the same
/// transaction, merges the new event_ids into events (the dedupe step teams run on Redshift, which does
/// not enforce keys), records the lines COPY rejected (stl_load_errors) in bad_events and the manifest in
/// load_commits. What it loads is what Redshift loads: every line with a storable envelope; the tracking
/// plan is not applied here (issue #12 item 5), so a line that only violates the plan is an event, not a
/// bad_events row as with the in-process <see cref="WarehouseLoader"/>.
/// </summary>
public sealed class RedshiftCopyLoader(NpgsqlDataSource warehouse, IAmazonS3 s3) : IManifestLoader
{
    /// <summary>The events columns a Firehose record's JSON keys map to (JSON 'auto').</summary>
    private const string Columns =
        "event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties";

    /// <summary>Lines COPY may reject before the load fails (Redshift's limit).</summary>
    private const int MaxError = 100_000;

    public Task<LoadResult> LoadAsync(string deliveryStream, string manifestBucket, string manifestKey, CancellationToken cancellationToken) =>
        LoadAsync(deliveryStream, manifestBucket, manifestKey, "load", cancellationToken);

    public Task<LoadResult> ReplayAsync(string deliveryStream, string errorBucket, string errorManifestKey, CancellationToken cancellationToken) =>
        LoadAsync(deliveryStream, errorBucket, errorManifestKey, "replay", cancellationToken);

    private async Task<LoadResult> LoadAsync(string deliveryStream, string bucket, string key, string kind, CancellationToken ct)
    {
        var manifestUrl = $"s3://{bucket}/{key}";
        var startedAt = DateTimeOffset.UtcNow;
        var objects = await ManifestObjectsAsync(bucket, key, ct);
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        if (await FindCommitAsync(connection, deliveryStream, manifestUrl, ct) is { } earlier)
            return LoadResult.Skipped(deliveryStream, manifestUrl, earlier);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, $"""
            create temporary table firehose_stage on commit drop as select {Columns} from events with no data;
            alter table firehose_stage alter event_id set not null, alter event_name set not null,
                alter event_time set not null, alter received_at set not null
            """, ct);
        long staged;
        try
        {
            staged = await ExecuteAsync(connection,
                $"copy firehose_stage ({Columns}) from '{manifestUrl.Replace("'", "''")}' iam_role default manifest " +
                $"format as json 'auto' timeformat 'auto' acceptinvchars maxerror {MaxError}", ct);
        }
        catch (PostgresException e) when (e.SqlState == "XX000" && e.MessageText.StartsWith("Manifest file", StringComparison.Ordinal))
        {
            throw new LoadManifestException($"{manifestUrl}: {e.MessageText}");
        }
        // DO NOTHING also skips an event_id repeated within the batch (the first copy stays): no sort needed.
        var inserted = await ExecuteAsync(connection, $"""
            insert into events ({Columns})
            select {Columns.Replace("properties", "coalesce(properties, '{}'::jsonb)")} from firehose_stage
            on conflict (event_id) do nothing
            """, ct);
        var bad = await RecordRejectedLinesAsync(connection, deliveryStream, objects, ct);
        if (!await TryRecordCommitAsync(connection, deliveryStream, manifestUrl, kind, staged + bad, staged, inserted, bad, startedAt, ct))
        {
            await transaction.RollbackAsync(ct);
            return LoadResult.Skipped(deliveryStream, manifestUrl, (await FindCommitAsync(connection, deliveryStream, manifestUrl, ct))!);
        }
        await transaction.CommitAsync(ct);
        return new LoadResult(deliveryStream, manifestUrl, objects.Count, staged + bad, staged, inserted, staged - inserted, bad, []);
    }

    private async Task<List<string>> ManifestObjectsAsync(string bucket, string key, CancellationToken ct)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, ct);
            using var body = new MemoryStream();
            await response.ResponseStream.CopyToAsync(body, ct);
            return Manifest.Parse(body.ToArray(), $"s3://{bucket}/{key}").Entries.Select(e => e.Url).ToList();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new LoadManifestException($"manifest s3://{bucket}/{key} does not exist: nothing was loaded");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new LoadManifestException(e.Message);
        }
    }

    /// <summary>The lines the endpoint's COPY rejected, from stl_load_errors, into bad_events (once per line).</summary>
    private static async Task<long> RecordRejectedLinesAsync(NpgsqlConnection connection, string source, List<string> objects, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            with rejected as (
              select distinct on (filename, line_number) filename, line_number, raw_line, colname, err_code, err_reason
              from stl_load_errors where filename = any($2) and line_number > 0 order by filename, line_number)
            insert into bad_events (raw, violations, source, line_ref)
            select raw_line,
                   jsonb_build_array(jsonb_build_object('type', case err_code when 1216 then 'malformed_json' when 1220 then 'unstorable_value' else 'bad_envelope' end,
                                                        'path', '$.' || colname, 'message', trim(err_reason))),
                   $1, filename || ':' || line_number
            from rejected
            on conflict (line_ref) do nothing
            """, connection);
        insert.Parameters.Add(new() { Value = source });
        insert.Parameters.Add(new() { Value = objects.ToArray() });
        await insert.ExecuteNonQueryAsync(ct);
        await using var count = new NpgsqlCommand(
            "select count(distinct (filename, line_number)) from stl_load_errors where filename = any($1) and line_number > 0", connection);
        count.Parameters.Add(new() { Value = objects.ToArray() });
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    private static async Task<LoadCommit?> FindCommitAsync(NpgsqlConnection connection, string delivery, string manifestKey, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(
            "select kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad, started_at, committed_at from load_commits where delivery = $1 and manifest_key = $2",
            connection);
        query.Parameters.Add(new() { Value = delivery });
        query.Parameters.Add(new() { Value = manifestKey });
        await using var reader = await query.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new LoadCommit(delivery, manifestKey, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7));
    }

    private static async Task<bool> TryRecordCommitAsync(NpgsqlConnection connection, string delivery, string manifestKey, string kind,
        long lines, long staged, long inserted, long bad, DateTimeOffset startedAt, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            insert into load_commits (delivery, manifest_key, kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad, started_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (delivery, manifest_key) do nothing
            """, connection);
        foreach (var value in new object[] { delivery, manifestKey, kind, lines, staged, inserted, staged - inserted, bad, startedAt })
            insert.Parameters.Add(new() { Value = value });
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
