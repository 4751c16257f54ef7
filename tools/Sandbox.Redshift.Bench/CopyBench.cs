using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Aws.Manifests;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Firehose.Destinations.Warehouse;
using WarehouseLoader = Sandbox.Warehouse.Loading.WarehouseLoader;
using Sandbox.Warehouse.Schema;

/// <summary>
/// COPY through the endpoint, in one run, alternating who goes first each round, on a throwaway database:
///  A. Firehose's loader, before/after: the in-process WarehouseLoader (reads S3 in the client, checks the
///     tracking plan, binary COPY FROM STDIN relayed by the front) vs what the to-warehouse stream does now:
///     the tracking-plan check of the batch's records (for event_violations) plus RedshiftCopyLoader
///     (COPY ... MANIFEST FORMAT JSON 'auto' sent to the front, which reads S3 and COPYs binary rows into
///     events), the same staged JSON-lines objects and manifest, both ending with the rows in events;
///  B. the same CSV file loaded by the endpoint's COPY FROM 's3://...' CSV vs plain PostgreSQL
///     COPY FROM STDIN (FORMAT csv) of that file (downloaded first, not timed) straight to POSTGRES_PORT.
/// </summary>
internal static class CopyBench
{
    public static async Task RunAsync(int rows, int objects, int rounds, int postgresPort)
    {
        var endpoints = EndpointsLoader.Load();
        using var s3 = AwsClients.S3(endpoints);
        var bucket = endpoints.Resources.StagingBucket;
        var prefix = $"bench-copy/{Guid.NewGuid():N}/";
        var lines = Events(rows);
        var (manifestKey, manifest) = await StageJsonAsync(s3, bucket, prefix, lines, objects);
        var records = lines.Select(l => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(l)).ToList();
        var csv = Encoding.UTF8.GetBytes(string.Concat(lines.Select((_, i) => $"{i},user-{i},{i * 0.5m},2026-01-01 00:00:{i % 60:00}\n")));
        await s3.PutBytesAsync(bucket, prefix + "table.csv", csv);
        await using var database = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, "copybench");
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = postgresPort, CommandTimeout = 600 }.ConnectionString;
        var viaFront = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 600 }.ConnectionString;
        await using var frontSource = NpgsqlDataSource.Create(viaFront);
        await ExecuteAsync(frontSource, "create table copy_target (id int, name varchar(32), amount numeric(12,2), at timestamp)");
        Console.WriteLine($"{rows:N0} events in {objects} JSON-lines objects ({lines.Sum(l => l.Length + 1) / 1e6:F1} MB), CSV {csv.Length / 1e6:F1} MB; load {Load()}");

        var plan = TrackingPlanLoader.LoadEmbedded();
        var inProcess = new WarehouseLoader(frontSource, s3, plan);
        var overWire = new RedshiftCopyLoader(frontSource);
        var (before, after, endpointCsv, plainCsv) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var copyAlone = new List<double>();
        var checkAlone = new List<double>();
        var noViolations = Task.FromResult(new List<EventViolation>());
        for (var round = 1; round <= rounds; round++)
        {
            var loaders = new (string Name, List<double> Times, Func<Task<(long Inserted, long Bad)>> Run)[]
            {
                ("in-process loader", before, async () => await inProcess.LoadAsync("bench", bucket, manifestKey) is var r ? (r.Inserted, r.Bad) : default),
                ("COPY ... MANIFEST loader", after, async () =>
                {
                    var load = new ManifestLoad("bench", bucket, manifestKey, manifest, TrackingPlanCheck.CheckAllInBackground(plan, records));
                    return await overWire.LoadAsync(load, CancellationToken.None) is var r ? (r.Inserted, r.Bad) : default;
                }),
                // The same without Firehose's tracking-plan check (which runs in the delivery stream, beside the COPY): the COPY's own cost.
                ("COPY alone", copyAlone, async () =>
                {
                    var load = new ManifestLoad("bench", bucket, manifestKey, manifest, noViolations);
                    return await overWire.LoadAsync(load, CancellationToken.None) is var r ? (r.Inserted, r.Bad) : default;
                }),
                // Firehose's tracking-plan check alone (awaited, nothing beside it): the second read of every record the loader's time includes.
                ("plan check alone", checkAlone, async () =>
                {
                    var found = await TrackingPlanCheck.CheckAllInBackground(plan, records);
                    return found.Count == 0 ? (rows, 0L) : throw new InvalidOperationException($"the bench's events broke the plan: {found[0]}");
                }),
            };
            foreach (var (name, times, run) in round % 2 == 1 ? loaders : loaders.Reverse())
            {
                await ExecuteAsync(frontSource, "truncate events, bad_events, load_commits");
                var clock = Stopwatch.StartNew();
                var result = await run();
                times.Add(clock.Elapsed.TotalSeconds);
                if (result.Inserted != rows || result.Bad != 0) throw new InvalidOperationException($"{name}: {result.Inserted} inserted, {result.Bad} bad of {rows}");
            }
            var copies = new (List<double> Times, Func<Task> Run)[]
            {
                (endpointCsv, () => ExecuteAsync(frontSource, $"copy copy_target from 's3://{bucket}/{prefix}table.csv' iam_role default csv")),
                (plainCsv, () => PlainCopyAsync(direct, csv)),
            };
            foreach (var (times, run) in round % 2 == 1 ? copies : copies.Reverse())
            {
                await ExecuteAsync(frontSource, "truncate copy_target");
                var clock = Stopwatch.StartNew();
                await run();
                times.Add(clock.Elapsed.TotalSeconds);
                if (await CountAsync(frontSource, "copy_target") != rows) throw new InvalidOperationException("the CSV COPY did not load every row");
            }
            Console.WriteLine($"  round {round} (load {Load()}): in-process loader {before[^1]:F2} s, COPY ... MANIFEST loader {after[^1]:F2} s " +
                              $"(ratio {after[^1] / before[^1]:F2}x), COPY alone {copyAlone[^1]:F2} s (ratio {copyAlone[^1] / before[^1]:F2}x), plan check alone {checkAlone[^1]:F2} s; CSV: endpoint COPY FROM S3 {endpointCsv[^1]:F2} s, plain PostgreSQL COPY {plainCsv[^1]:F2} s " +
                              $"(ratio {endpointCsv[^1] / plainCsv[^1]:F2}x)");
        }
        Console.WriteLine($"medians: in-process loader {Median(before):F2} s ({rows / Median(before):N0} rows/s), COPY ... MANIFEST loader {Median(after):F2} s " +
                          $"({rows / Median(after):N0} rows/s): time ratio {Median(after.Zip(before, (a, b) => a / b).ToList()):F2}x (median of per-round ratios); " +
                          $"COPY alone {Median(copyAlone):F2} s: {Median(copyAlone.Zip(before, (a, b) => a / b).ToList()):F2}x; " +
                          $"plan check alone {Median(checkAlone):F2} s ({Median(checkAlone) / Median(before):P0} of the in-process loader's time)");
        Console.WriteLine($"medians: endpoint COPY FROM S3 (CSV) {Median(endpointCsv):F2} s, plain PostgreSQL COPY FROM STDIN {Median(plainCsv):F2} s: " +
                          $"time ratio {Median(endpointCsv.Zip(plainCsv, (a, b) => a / b).ToList()):F2}x");
    }

    /// <summary>Events that pass the tracking plan (logout needs no properties), as Firehose stages them.</summary>
    private static List<string> Events(int count)
    {
        var start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, count).Select(i =>
        {
            var at = start.AddMilliseconds(i * 37L).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var id = Sandbox.Core.Events.EventId.Format(1_764_547_200_000 + i, (ulong)(i % 65_536), (ulong)i * 7919);
            return $"{{\"event_id\":\"{id}\",\"event_name\":\"logout\",\"user_id\":\"user-{i % 100_000}\",\"anonymous_id\":\"anon-{i}\"," +
                   $"\"session_id\":\"s-{i / 20}\",\"event_time\":\"{at}\",\"received_at\":\"{at}\",\"platform\":\"ios\",\"os_version\":\"17.0\"," +
                   $"\"device_model\":\"iPhone15,2\",\"app_version\":\"1.2.3\",\"locale\":\"ja-JP\",\"properties\":{{}}}}";
        }).ToList();
    }

    private static async Task<(string Key, CopyManifest Manifest)> StageJsonAsync(IAmazonS3 s3, string bucket, string prefix, List<string> lines, int objects)
    {
        var per = (lines.Count + objects - 1) / objects;
        var entries = new List<CopyManifestEntry>();
        for (var i = 0; i < objects; i++)
        {
            var body = Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(i * per).Take(per)) + "\n");
            var key = $"{prefix}part-{i:0000}.json";
            await s3.PutBytesAsync(bucket, key, body);
            entries.Add(new CopyManifestEntry(bucket, key, true, body.Length));
        }
        var manifest = new CopyManifest(entries);
        await s3.PutBytesAsync(bucket, prefix + "manifest", manifest.ToJson());
        return (prefix + "manifest", manifest);
    }

    private static async Task PlainCopyAsync(string direct, byte[] csv)
    {
        await using var connection = new NpgsqlConnection(direct);
        await connection.OpenAsync();
        await using var copy = await connection.BeginTextImportAsync("copy copy_target from stdin (format csv)");
        await copy.WriteAsync(Encoding.UTF8.GetString(csv));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource source, string table)
    {
        await using var command = source.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
