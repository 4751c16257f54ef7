using System.Text.Json;
using System.Text;
using Amazon.S3.Model;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws.Reads;
using Sandbox.Stack.Isolation;
using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// One fault test's own pipeline on the shared stack: a fresh stream, lease table, buckets and
/// click-log table (named through the endpoints contract's variables and created by `sandbox
/// bootstrap`), a database of its own on the given PostgreSQL server, and a generated day whose
/// event ids are the ground truth. The `sandbox` processes it starts see only these resources, so
/// counting the run's rows is counting that database and that archive bucket.
/// </summary>
public sealed class FaultPipeline : IAsyncDisposable
{
    private readonly IsolatedResources _resources;
    private readonly string _folder;
    private readonly List<ChildProcess> _processes = [];
    private readonly Dictionary<string, string[]> _archiveObjects = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _feeding = Task.CompletedTask;

    private FaultPipeline(IsolatedResources resources, string folder, Dictionary<string, string> environment)
    {
        _resources = resources;
        _folder = folder;
        Environment = environment;
    }

    /// <summary>What every `sandbox` process of this run gets on top of the contract file.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Logs => Path.Combine(_folder, "logs");

    /// <summary>Where <see cref="StartFeedingLiveLogs"/> writes the day hour by hour, as app servers would.</summary>
    public string LiveLogs => Path.Combine(_folder, "live");
    public string ShipperState => Path.Combine(_folder, "shipper");
    public string ArchiveBucket => _resources.Endpoints.Resources.ArchiveBucket;
    public string ErrorBucket => _resources.Endpoints.Resources.ErrorBucket;

    private IAmazonS3 S3 => _resources.Clients.S3;

    /// <summary>The `sandbox generate` that wrote <see cref="Logs"/>.</summary>
    public string[] GenerateArguments { get; private set; } = [];

    /// <summary>Every event id in the generated logs (no faults injected: each line is one planned event).</summary>
    public IReadOnlySet<string> Expected { get; private set; } = new HashSet<string>();

    /// <summary>Archive reads that met an object not whole yet (each read again later), with why: the kill log reports them.</summary>
    private readonly List<string> _shortReads = [];

    /// <summary>The manifest's totals.events.</summary>
    public long ManifestEvents { get; private set; }

    /// <param name="warehouseServer">A PostgreSQL server of the test's own to create the run's database on; the shared stack's by default.</param>
    /// <param name="kinesisUrl">A Kinesis engine of the test's own; the shared stack's by default.</param>
    public static async Task<FaultPipeline> CreateAsync(
        StackFixture stack, ulong seed, int eventsPerDay = 20_000, PrivateWarehouse? warehouseServer = null, Uri? kinesisUrl = null)
    {
        var shared = warehouseServer is null
            ? stack.Endpoints
            : stack.Endpoints with
            {
                WarehouseAdminConnectionString = warehouseServer.ServerConnectionString,
                WarehouseConnectionString = warehouseServer.DeliveryConnectionString,
                WarehouseAnalystConnectionString = warehouseServer.AnalystConnectionString,
            };
        var resources = await IsolatedResources.CreateAsync(shared, "faults");
        var environment = resources.Variables();
        // A private engine goes with its data: the run's stream is created there, and never deleted from the shared one.
        if (kinesisUrl is not null) environment["SANDBOX_KINESIS_URL"] = kinesisUrl.ToString().TrimEnd('/');
        var pipeline = new FaultPipeline(resources, Directory.CreateTempSubdirectory("sandbox-faults-").FullName, environment);
        try
        {
            // bootstrap also applies the migrations to the run's empty database: the path users take.
            await pipeline.RunToEndAsync("bootstrap");
            pipeline.GenerateArguments = ["generate", "--from", "2026-11-02", "--events-per-day", eventsPerDay.ToString(),
                "--users", "2000", "--seed", seed.ToString(), "--threads", "1", "-o", pipeline.Logs];
            await pipeline.RunToEndAsync(pipeline.GenerateArguments);
            pipeline.ReadGroundTruth();
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
        return pipeline;
    }

    /// <summary>
    /// Starts writing the generated day into <see cref="LiveLogs"/> one hour (every server's file)
    /// every <paramref name="perHour"/>, each file appearing whole (copied under a name no glob
    /// matches, then renamed): a tailing shipper sees traffic arrive over time instead of all at
    /// once. <see cref="DrainAndCheckAsync"/> waits for the last hour; dispose stops it.
    /// </summary>
    public void StartFeedingLiveLogs(TimeSpan perHour) => _feeding = FeedAsync(perHour, _stopping.Token);

    private async Task FeedAsync(TimeSpan perHour, CancellationToken cancellationToken)
    {
        var hours = Directory.EnumerateFiles(Logs, "app-*.log", SearchOption.AllDirectories)
            .GroupBy(Path.GetFileName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var hour in hours)
        {
            foreach (var file in hour)
            {
                var target = Path.Combine(LiveLogs, Path.GetRelativePath(Logs, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var incoming = Path.Combine(Path.GetDirectoryName(target)!, ".incoming");
                File.Copy(file, incoming, overwrite: true);
                File.Move(incoming, target);
            }
            await Task.Delay(perHour, cancellationToken);
        }
    }

    /// <summary>Runs a `sandbox` command to completion and requires exit code 0.</summary>
    public async Task<ProcessResult> RunToEndAsync(params string[] arguments)
    {
        var result = await SandboxCli.RunAsync(new Dictionary<string, string>(Environment), arguments);
        Assert.True(result.ExitCode == 0, $"sandbox {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
        return result;
    }

    /// <summary>Starts a `sandbox` command in the background; it is killed on dispose if still running.</summary>
    public ChildProcess Start(params string[] arguments)
    {
        var process = ChildProcess.Start("dotnet", [SandboxCli.Dll, .. arguments], new Dictionary<string, string>(Environment));
        _processes.Add(process);
        return process;
    }

    /// <summary>Rows in the run's events table (total and distinct event ids), and the ids themselves.</summary>
    public async Task<WarehouseRows> WarehouseRowsAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;
        await using var command = _resources.Database.DataSource.CreateCommand("select event_id from events");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            ids.Add(reader.GetString(0));
        }
        return new WarehouseRows(rows, ids);
    }

    /// <summary>Rows so far, or null while the warehouse does not answer.</summary>
    public async Task<long?> WarehouseCountAsync()
    {
        try
        {
            await using var command = _resources.Database.DataSource.CreateCommand("select count(*) from events");
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every record in the archive bucket's delivered objects (processing-failed/ excluded), each
    /// object kept once it read whole (delivered objects never change): event ids with repeats. An
    /// object s3rver lists while its PUT still writes, or whose PUT died with a killed worker, reads
    /// short; it is counted apart and read again on the next call.
    /// </summary>
    public async Task<ArchiveRecords> ArchiveRecordsAsync()
    {
        string? token = null;
        var failed = 0;
        var incomplete = new List<string>();
        do
        {
            var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = ArchiveBucket, ContinuationToken = token });
            foreach (var item in page.S3Objects ?? [])
            {
                if (item.Key.StartsWith("processing-failed/", StringComparison.Ordinal)) { failed++; continue; }
                if (_archiveObjects.ContainsKey(item.Key)) continue;
                var read = await S3.ReadGzipAsync(ArchiveBucket, item.Key, item.Size);
                if (read.IsWhole) _archiveObjects[item.Key] = EventIds(read.Inflated);
                else
                {
                    incomplete.Add($"{item.Key} ({read.Incomplete})");
                    _shortReads.Add($"{incomplete[^1]} at {DateTime.UtcNow:HH:mm:ss.f} UTC");
                }
            }
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
        var records = _archiveObjects.Values.SelectMany(ids => ids).ToList();
        return new ArchiveRecords(_archiveObjects.Count, failed, incomplete, records.Count, records.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Chunks the shipper has spilled to disk and not yet sent (its state at a kill).</summary>
    public int ShipperBufferedChunks =>
        Directory.Exists(Path.Combine(ShipperState, "buffer")) ? Directory.GetFiles(Path.Combine(ShipperState, "buffer"), "*", SearchOption.AllDirectories).Length : 0;

    /// <summary>Warehouse rows and archived records so far, for the kill log.</summary>
    public async Task<string> ProgressAsync()
    {
        var archive = await ArchiveRecordsAsync();
        return $"warehouse rows {(await WarehouseCountAsync())?.ToString() ?? "(down)"}, archive records {archive.Records} of {ManifestEvents}"
            + (archive.Incomplete.Count > 0 ? $", {archive.Incomplete.Count} objects not whole yet" : "");
    }

    /// <summary>Keys under the error bucket: manifests to-warehouse gave up on (there should be none).</summary>
    public async Task<IReadOnlyList<string>> ErrorObjectsAsync()
    {
        var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = ErrorBucket });
        return (page.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    /// <summary>
    /// Polls until the warehouse holds as many rows as the manifest and the archive holds every
    /// expected id; false when <paramref name="timeout"/> passes first (the caller asserts, with details).
    /// </summary>
    public async Task<bool> WaitUntilDeliveredAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await WarehouseCountAsync() >= ManifestEvents && Expected.IsSubsetOf((await ArchiveRecordsAsync()).Ids)) return true;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return false;
    }

    /// <summary>
    /// The end of every fault test: once the whole day is written, waits until it arrived (90 s at
    /// most), stops the <paramref name="running"/> processes with SIGTERM, checks
    /// <see cref="AssertDeliveredExactlyOnceAsync"/> and that each stopped cleanly (exit code 0).
    /// </summary>
    public async Task DrainAndCheckAsync(KillSchedule schedule, Func<string> context, params ChildProcess[] running)
    {
        await _feeding;
        // What is missing after the wait is named by the assertion below.
        schedule.Note($"everything arrived within 90 s: {await WaitUntilDeliveredAsync(TimeSpan.FromSeconds(90))}; "
            + $"archive reads that came back short (read again): {_shortReads.Count}{string.Concat(_shortReads.Take(3).Select(r => $"\n    {r}"))}");
        var exits = new List<(ChildProcess Process, int Code)>();
        foreach (var process in running) exits.Add((process, await process.TerminateAsync(TimeSpan.FromSeconds(45))));
        await AssertDeliveredExactlyOnceAsync(context);
        var unclean = exits.Where(e => e.Code != 0).Select(e => $"`{e.Process.CommandLine}` exited {e.Code}").ToList();
        Assert.True(unclean.Count == 0, $"on SIGTERM {string.Join(", ", unclean)}\n{context()}");
    }

    /// <summary>
    /// The issue's acceptance: warehouse rows = distinct event ids = the manifest's events, every
    /// expected id in the warehouse and in the archive (which may hold repeats), nothing parked in
    /// the error bucket. <paramref name="context"/> (seed, kill schedule, process output) ends every message.
    /// </summary>
    public async Task AssertDeliveredExactlyOnceAsync(Func<string> context)
    {
        var warehouse = await WarehouseRowsAsync();
        var archive = await ArchiveRecordsAsync();
        var errors = await ErrorObjectsAsync();
        var missingInWarehouse = Expected.Where(id => !warehouse.Ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var missingInArchive = Expected.Where(id => !archive.Ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var strangers = warehouse.Ids.Where(id => !Expected.Contains(id)).Take(5).ToList();
        var summary = $"manifest {ManifestEvents:N0} events ({Expected.Count:N0} ids in the logs); warehouse {warehouse.Rows:N0} rows, "
            + $"{warehouse.Ids.Count:N0} distinct; archive {archive.Records:N0} records in {archive.Objects} objects, {archive.Ids.Count:N0} distinct, "
            + $"{archive.FailedObjects} processing-failed objects, {archive.Incomplete.Count} not whole ({string.Join(", ", archive.Incomplete.Take(3))}); "
            + $"error bucket {errors.Count} objects";

        Assert.True(ManifestEvents == Expected.Count, $"the logs do not match their manifest: {summary}\n{context()}");
        Assert.True(missingInWarehouse.Count == 0,
            $"{missingInWarehouse.Count} events missing from the warehouse, first {string.Join(", ", missingInWarehouse.Take(5))}: {summary}\n{context()}");
        Assert.True(warehouse.Rows == ManifestEvents && warehouse.Ids.Count == ManifestEvents && strangers.Count == 0,
            $"the warehouse does not hold exactly the manifest's events (ids not in the logs: {string.Join(", ", strangers)}): {summary}\n{context()}");
        Assert.True(missingInArchive.Count == 0,
            $"{missingInArchive.Count} events missing from the S3 archive, first {string.Join(", ", missingInArchive.Take(5))}: {summary}\n{context()}");
        Assert.True(archive.FailedObjects == 0 && errors.Count == 0,
            $"records were routed to errors ({string.Join(", ", errors.Take(3))}): {summary}\n{context()}");
    }

    /// <summary>The output of every process this run started, newest last, and the shipper's bad lines if any.</summary>
    public string ProcessOutputs()
    {
        var text = new StringBuilder();
        foreach (var process in _processes) text.AppendLine(Tail(process.Output, 40));
        var badLines = Path.Combine(ShipperState, "bad-lines.jsonl");
        if (File.Exists(badLines)) text.AppendLine($"--- {badLines}\n{Tail(File.ReadAllText(badLines), 10)}");
        return text.ToString();
    }

    private void ReadGroundTruth()
    {
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Logs, "manifest.json"))))
            ManifestEvents = manifest.RootElement.GetProperty("totals").GetProperty("events").GetInt64();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Logs, "*.log", SearchOption.AllDirectories))
            foreach (var line in File.ReadLines(file))
                ids.Add(EventId(line));
        Expected = ids;
    }

    private static string[] EventIds(ReadOnlyMemory<byte> lines)
    {
        using var reader = new StreamReader(new MemoryStream(lines.ToArray(), writable: false), Encoding.UTF8);
        var ids = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) ids.Add(EventId(line));
        return [.. ids];
    }

    private static string EventId(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("event_id").GetString()!;
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return all.Length <= lines ? text : $"... ({all.Length - lines} lines left out)\n{string.Join('\n', all[^lines..])}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try { await _feeding; }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
        foreach (var process in _processes) await process.DisposeAsync();
        // Leave the shared stack as found: the run's stream, tables, buckets and database go.
        await _resources.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed record WarehouseRows(long Rows, IReadOnlySet<string> Ids);

/// <param name="Incomplete">Objects that did not read whole this time, each with why.</param>
public sealed record ArchiveRecords(int Objects, int FailedObjects, IReadOnlyList<string> Incomplete, long Records, IReadOnlySet<string> Ids);
