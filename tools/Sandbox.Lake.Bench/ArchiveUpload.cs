using System.Diagnostics;
using Amazon.S3.Model;
using Amazon.S3;
using DuckDB.NET.Data;
using Sandbox.Aws;

namespace Sandbox.Lake.Bench;

/// <summary>
/// Writes the native table into the archive bucket as Firehose lays it out: per arrival hour, gzip JSON
/// lines under YYYY/MM/DD/HH/to-archive-1-...gz, timestamps as ISO-8601 "...Z" like the app's lines.
/// Skipped when the bucket already holds the expected objects.
/// </summary>
internal static class ArchiveUpload
{
    public const int ObjectsPerHour = 2;

    public static async Task EnsureAsync(DuckDBConnection duck, IAmazonS3 s3, string bucket, DateOnly from, int days, string scratch)
    {
        var expected = days * 24 * ObjectsPerHour;
        try
        {
            await s3.PutBucketAsync(bucket);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Kept from an earlier run.
        }
        var listed = (await Storage.ArchiveListing.ListAsync(s3, bucket, "", CancellationToken.None)).Count;
        if (listed == expected) return;
        if (listed != 0) throw new InvalidOperationException($"bucket {bucket} holds {listed} objects, expected 0 or {expected}: delete it");

        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(scratch, "export");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        // JSON COPY has no PARTITION_BY: sort once by object, then one COPY per object (zone maps keep each scan small).
        Execute(duck, $"""
            create or replace temp table archive_lines as
            select event_id, event_name, user_id, anonymous_id, session_id,
                   strftime(event_time, '%Y-%m-%dT%H:%M:%S.%gZ') as event_time, strftime(received_at, '%Y-%m-%dT%H:%M:%S.%gZ') as received_at,
                   platform, os_version, device_model, app_version, locale, properties,
                   strftime(event_time, '%Y/%m/%d/%H') as k, (hash(event_id) % {ObjectsPerHour})::integer as part
            from events order by k, part
            """);
        foreach (var hour in Enumerable.Range(0, days * 24))
        {
            var k = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hour).ToString("yyyy/MM/dd/HH");
            for (var part = 0; part < ObjectsPerHour; part++)
            {
                var file = Path.Combine(folder, $"{k.Replace('/', '-')}_{part}.json.gz");
                Execute(duck, $"copy (select * exclude (k, part) from archive_lines where k = '{k}' and part = {part}) to '{file}' (format json, compression gzip)");
            }
        }
        Execute(duck, "drop table archive_lines");
        Console.WriteLine($"exported {expected} hour objects in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();
        var files = Directory.EnumerateFiles(folder, "*.json.gz", SearchOption.AllDirectories).ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (file, ct) =>
        {
            // 2026-11-01-09_1.json.gz -> 2026/11/01/09/to-archive-1-2026-11-01-09-00-01-<uuid>.gz
            var (hour, part) = (Path.GetFileName(file)[..13], Path.GetFileName(file)[14]);
            var key = $"{hour.Replace('-', '/')}/to-archive-1-{hour}-00-0{part}-{Guid.NewGuid()}.gz";
            await using var body = File.OpenRead(file);
            await s3.PutStreamAsync(bucket, key, body, cancellationToken: ct);
        });
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"uploaded {files.Count} objects in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
