using Npgsql;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Loads a manifest the way AWS Firehose does into Redshift: it sends the Redshift
/// <c>COPY events FROM 's3://.../manifest' MANIFEST FORMAT AS JSON 'auto'</c> over the wire to the warehouse
/// endpoint (sandbox-redshift on 5439, or a real cluster), then, in the same transaction, records the
/// lines COPY rejected (stl_load_errors) in bad_events, the events' tracking-plan violations in
/// event_violations and the manifest in load_commits. It loads what Redshift loads: every line with a
/// storable envelope, whatever the tracking plan says.
/// <para>Exactly-once: the COPY goes straight into events, which holds when none of the event_ids is there
/// yet (a Firehose batch is new data). If one is (a redelivery, a repeated record), events' key refuses the
/// COPY; it is rolled back to a savepoint and the rows go the way teams dedupe on Redshift, which enforces
/// no key: COPY into a temporary stage, then INSERT .. ON CONFLICT (event_id) DO NOTHING. Replays go that
/// way at once.</para>
/// </summary>
public sealed class RedshiftCopyLoader(NpgsqlDataSource warehouse) : IManifestLoader
{
    /// <summary>The events columns a Firehose record's JSON keys map to (JSON 'auto').</summary>
    private const string Columns =
        "event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties";

    /// <summary>Lines COPY may reject before the load fails (Redshift's limit).</summary>
    private const int MaxError = 100_000;

    /// <summary>Rows per INSERT of violations (4 parameters each, under the protocol's 65,535).</summary>
    private const int ViolationsPerInsert = 2_000;

    public async Task<ManifestLoadResult> LoadAsync(ManifestLoad load, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        if (await FindCommitAsync(connection, load, ct) is { } earlier) return earlier;

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (staged, inserted, direct) = await CopyNewEventsAsync(connection, transaction, load, ct);
        var bad = await RecordRejectedLinesAsync(connection, load, ct);
        var violations = await RecordViolationsAsync(connection, await load.Violations.WaitAsync(ct), ct);
        if (!await TryRecordCommitAsync(connection, load, staged + bad, staged, inserted, bad, startedAt, ct))
        {
            // A concurrent call committed this manifest while we were loading: ours must not count twice.
            await transaction.RollbackAsync(ct);
            return (await FindCommitAsync(connection, load, ct))!;
        }
        await transaction.CommitAsync(ct);
        return new ManifestLoadResult(load.DeliveryStream, load.ManifestUrl, load.Manifest.Entries.Count, staged + bad, inserted,
            staged - inserted, bad, violations) { CopiedDirectly = direct };
    }

    private static async Task<(long Staged, long Inserted, bool Direct)> CopyNewEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ManifestLoad load, CancellationToken ct)
    {
        if (!load.Replay)
        {
            await transaction.SaveAsync("direct_copy", ct);
            try
            {
                var copied = await CopyAsync(connection, "events", load, ct);
                return (copied, copied, true);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await transaction.RollbackAsync("direct_copy", ct);
            }
        }
        // The stage keeps events' NOT NULL columns and defaults (a record without properties loads '{}'): both ways load the same lines.
        await ExecuteAsync(connection, "create temporary table firehose_stage (like events including defaults) on commit drop", ct);
        var staged = await CopyAsync(connection, "firehose_stage", load, ct);
        // DO NOTHING also skips an event_id repeated within the batch (the first copy stays): no sort needed.
        var inserted = await ExecuteAsync(connection,
            $"insert into events ({Columns}) select {Columns} from firehose_stage on conflict (event_id) do nothing", ct);
        return (staged, inserted, false);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, ManifestLoad load, CancellationToken ct)
    {
        try
        {
            return await ExecuteAsync(connection,
                $"copy {table} ({Columns}) from '{load.ManifestUrl.Replace("'", "''")}' iam_role default manifest " +
                $"format as json 'auto' timeformat 'auto' acceptinvchars maxerror {MaxError}", ct);
        }
        catch (PostgresException e) when (e.SqlState == "XX000" && e.MessageText.StartsWith("Manifest file", StringComparison.Ordinal))
        {
            throw new UnloadableManifestException($"{load.ManifestUrl}: {e.MessageText}");
        }
        catch (PostgresException e) when (e.SqlState == "XX000" && e.MessageText.StartsWith("S3 object", StringComparison.Ordinal))
        {
            throw new UnloadableManifestException($"{load.ManifestUrl}: a mandatory object is missing: {e.MessageText}");
        }
    }

    /// <summary>The lines the endpoint's COPY rejected, from stl_load_errors, into bad_events (once per line); returns how many.</summary>
    private static async Task<long> RecordRejectedLinesAsync(NpgsqlConnection connection, ManifestLoad load, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            with rejected as (
              select distinct on (filename, line_number) filename, line_number, raw_line, colname, err_code, err_reason
              from stl_load_errors where filename = any($2) and line_number > 0 order by filename, line_number),
            recorded as (
              insert into bad_events (raw, violations, source, line_ref)
              select raw_line,
                     jsonb_build_array(jsonb_build_object('type', case err_code when 1216 then 'malformed_json' when 1220 then 'unstorable_value' else 'bad_envelope' end,
                                                          'path', '$.' || colname, 'message', trim(err_reason))),
                     $1, filename || ':' || line_number
              from rejected
              on conflict (line_ref) do nothing)
            select count(*) from rejected
            """, connection);
        insert.Parameters.Add(new() { Value = load.DeliveryStream });
        insert.Parameters.Add(new() { Value = load.Manifest.Entries.Select(e => e.Url).ToArray() });
        return (long)(await insert.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Violations of the events now in the warehouse (a line COPY rejected has its reason in bad_events instead).</summary>
    private static async Task<long> RecordViolationsAsync(NpgsqlConnection connection, IReadOnlyList<EventViolation> violations, CancellationToken ct)
    {
        long recorded = 0;
        foreach (var chunk in violations.Chunk(ViolationsPerInsert))
        {
            var rows = string.Join(", ", chunk.Select((_, i) => $"(${4 * i + 1}, ${4 * i + 2}, ${4 * i + 3}, ${4 * i + 4})"));
            await using var insert = new NpgsqlCommand($"""
                insert into event_violations (event_id, type, path, message)
                select v.event_id, v.type, v.path, v.message from (values {rows}) as v(event_id, type, path, message)
                where exists (select 1 from events e where e.event_id = v.event_id)
                on conflict (event_id, type, path) do nothing
                """, connection);
            foreach (var v in chunk)
                foreach (var value in new[] { v.EventId, v.Type, v.Path, v.Message })
                    insert.Parameters.Add(new() { Value = value });
            recorded += await insert.ExecuteNonQueryAsync(ct);
        }
        return recorded;
    }

    private static async Task<ManifestLoadResult?> FindCommitAsync(NpgsqlConnection connection, ManifestLoad load, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(
            "select committed_at, rows_inserted from load_commits where delivery = $1 and manifest_key = $2", connection);
        query.Parameters.Add(new() { Value = load.DeliveryStream });
        query.Parameters.Add(new() { Value = load.ManifestUrl });
        await using var reader = await query.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ManifestLoadResult.Skipped(load, reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1)) : null;
    }

    private static async Task<bool> TryRecordCommitAsync(NpgsqlConnection connection, ManifestLoad load,
        long lines, long staged, long inserted, long bad, DateTimeOffset startedAt, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            insert into load_commits (delivery, manifest_key, kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad, started_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (delivery, manifest_key) do nothing
            """, connection);
        foreach (var value in new object[] { load.DeliveryStream, load.ManifestUrl, load.Replay ? "replay" : "load", lines, staged, inserted,
                     staged - inserted, bad, startedAt })
            insert.Parameters.Add(new() { Value = value });
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
