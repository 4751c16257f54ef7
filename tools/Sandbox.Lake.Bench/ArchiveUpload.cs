using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using DuckDB.NET.Data;

namespace Sandbox.Lake.Bench;

/// <summary>
/// Writes the native table into the archive bucket as Firehose lays it out: per arrival hour, gzip JSON
/// lines under YYYY/MM/DD/HH/to-archive-1-...gz, timestamps as ISO-8601 "...Z" like the app's lines.
/// Skipped when the bucket already holds the expected objects.
/// </summary>
internal static class ArchiveUpload
{
    public const int ObjectsPerHour = 2;

    public static async Task EnsureAsync(DuckDBConnection duck, IAmazonS3 s3, string bucket, int days, string scratch)
    {
        var expected = days * 24 * ObjectsPerHour;
        await s3.PutBucketAsync(bucket);
        var listed = (await Storage.ArchiveListing.ListAsync(s3, bucket, "", CancellationToken.None)).Count;
        if (listed == expected) return;
        if (listed != 0) throw new InvalidOperationException($"bucket {bucket} holds {listed} objects, expected 0 or {expected}: delete it");

        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(scratch, "export");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        using (var export = duck.CreateCommand())
        {
            export.CommandText = $"""
                copy (select event_id, event_name, user_id, anonymous_id, session_id,
                             strftime(event_time, '%Y-%m-%dT%H:%M:%S.%gZ') as event_time, strftime(received_at, '%Y-%m-%dT%H:%M:%S.%gZ') as received_at,
                             platform, os_version, device_model, app_version, locale, properties,
                             strftime(event_time, '%Y/%m/%d/%H') as k, hash(event_id) % {ObjectsPerHour} as part
                      from events)
                to '{folder}' (format json, compression gzip, partition_by (k, part), file_extension 'json.gz')
                """;
            export.ExecuteNonQuery();
        }
        Console.WriteLine($"exported {expected} hour objects in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();
        var files = Directory.EnumerateFiles(folder, "*.json.gz", SearchOption.AllDirectories).ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (file, ct) =>
        {
            // Hive folders k=2026%2F11%2F01%2F09/part=1 -> 2026/11/01/09/to-archive-1-2026-11-01-09-00-0<part>-<uuid>.gz
            var parts = Path.GetRelativePath(folder, file).Split('/');
            var hour = Uri.UnescapeDataString(parts[0]["k=".Length..]);
            var part = parts[1]["part=".Length..];
            var key = $"{hour}/to-archive-1-{hour.Replace('/', '-')}-00-0{part}-{Guid.NewGuid()}.gz";
            await using var body = File.OpenRead(file);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false }, ct);
        });
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"uploaded {files.Count} objects in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
