using System.CommandLine;
using System.Diagnostics;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Warehouse.Bench;
using Sandbox.Warehouse.Loading;

// Loader (S3 gzip objects -> events) vs the fastest raw client: the same rows pre-encoded as binary COPY
// tuples, written through raw binary COPY into a twin of events (same columns, PK and indexes: the
// baseline the target is judged on). Informative, same rounds: Npgsql's typed importer into the twin,
// and the pre-encoded COPY into a bare table (what the keys and indexes cost). Alternating rounds in one
// run so all see the same machine state. Needs the native stack.
var linesOption = new Option<int>("--lines") { Description = "events to load per round", DefaultValueFactory = _ => 1_000_000 };
var objectsOption = new Option<int>("--objects") { Description = "staged gzip objects in the manifest", DefaultValueFactory = _ => 8 };
var roundsOption = new Option<int>("--rounds") { Description = "rounds of (pre-encoded COPY into events' twin, typed importer into the twin, pre-encoded COPY into a bare table, loader)", DefaultValueFactory = _ => 3 };
var dropIndexOption = new Option<string[]>("--drop-index") { Description = "indexes of events to drop first (to measure what each one costs)" };
var singleThreadOption = new Option<bool>("--single-thread") { Description = "also time, in every round, the loader reading, checking and writing the COPY on one thread (no RowPipe)" };
var root = new RootCommand("Warehouse loader throughput vs raw binary COPY") { linesOption, objectsOption, roundsOption, dropIndexOption, singleThreadOption };
root.SetAction(async (parse, _) =>
{
    var (lines, objects, rounds) = (parse.GetValue(linesOption), parse.GetValue(objectsOption), parse.GetValue(roundsOption));
    var endpoints = EndpointsLoader.Load();
    Console.WriteLine($"generating {lines:N0} events, staging them as {objects} gzip objects ...");
    var rows = SyntheticEvent.Generate(lines, 1_764_460_800_000).ToList();
    var encoded = PreEncodedRows.Encode(rows);
    using var s3 = AwsClients.S3(endpoints);
    await using var staged = await StagedObjects.UploadAsync(s3, rows, objects);
    await using var database = await BenchDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString);
    foreach (var index in parse.GetValue(dropIndexOption) ?? [])
        await database.DropIndexAsync(index);
    await encoded.CheckSameAsTypedAsync(database.DataSource, rows);
    var loader = new WarehouseLoader(database.DataSource, s3, TrackingPlanLoader.LoadEmbedded());
    var oneThread = parse.GetValue(singleThreadOption)
        ? new WarehouseLoader(database.DataSource, s3, TrackingPlanLoader.LoadEmbedded()) { OverlapReadingAndWriting = false }
        : null;
    Console.WriteLine($"staged {staged.CompressedBytes / 1e6:F1} MB gzip; pre-encoded COPY tuples {encoded.Bytes / 1e6:F1} MB; {Environment.ProcessorCount} cores");

    var indexed = new List<double>();
    var typed = new List<double>();
    var bare = new List<double>();
    var loaded = new List<double>();
    var loadedOneThread = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        // The loader goes last in odd rounds and first in even ones, and the baselines run in reverse order
        // in even rounds, so no measurement always follows the same other one.
        var loaderRun = round % 2 == 0 ? await RunLoaderAsync(loader, loaded) : default;
        (TimeSpan Elapsed, TimeSpan Cpu, TimeSpan ServerCpu) indexedRun = default, typedRun = default, bareRun = default;
        var baselines = new Func<Task>[]
        {
            async () => indexedRun = await TimedAsync(() => RawCopyBaseline.Indexed.RunAsync(database.DataSource, encoded.WriteAsync)),
            async () => typedRun = await TimedAsync(() => RawCopyBaseline.Indexed.RunAsync(database.DataSource, (c, t) => TypedImport.WriteAsync(c, t, rows))),
            async () => bareRun = await TimedAsync(() => RawCopyBaseline.Bare.RunAsync(database.DataSource, encoded.WriteAsync)),
        };
        foreach (var baseline in round % 2 == 1 ? baselines : baselines.Reverse()) await baseline();
        var ((indexedTime, indexedCpu, indexedServer), (typedTime, typedCpu, typedServer), (bareTime, bareCpu, bareServer)) = (indexedRun, typedRun, bareRun);
        indexed.Add(lines / indexedTime.TotalSeconds);
        typed.Add(lines / typedTime.TotalSeconds);
        bare.Add(lines / bareTime.TotalSeconds);
        if (round % 2 == 1) loaderRun = await RunLoaderAsync(loader, loaded);
        var (result, loaderTime, loaderCpu, loaderServer) = loaderRun;
        if (oneThread is not null)
        {
            var (_, oneThreadTime, oneThreadCpu, _) = await RunLoaderAsync(oneThread, loadedOneThread);
            Console.WriteLine($"round {round}: loader on one thread {loadedOneThread[^1]:N0} rows/s ({oneThreadTime.TotalSeconds:F2} s, client CPU {oneThreadCpu.TotalSeconds:F2} s); " +
                              $"ratio {loadedOneThread[^1] / indexed[^1]:F2}, vs RowPipe loader {loadedOneThread[^1] / loaded[^1]:F2}");
        }

        async Task<(LoadResult, TimeSpan, TimeSpan, TimeSpan)> RunLoaderAsync(WarehouseLoader which, List<double> rates)
        {
            await database.ResetAsync();
            var (cpu, server) = (Process.GetCurrentProcess().TotalProcessorTime, ServerCpu.Sample());
            var clock = Stopwatch.StartNew();
            var result = await which.LoadAsync("bench", staged.Bucket, StagedObjects.ManifestKey);
            clock.Stop();
            var run = (result, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, ServerCpu.Sample() - server);
            rates.Add(lines / clock.Elapsed.TotalSeconds);
            if (result.Inserted != lines || !result.Reconciles || await database.CountAsync("events") != lines)
                throw new InvalidOperationException($"round {round}: loader result {result} does not match the {lines} staged events");
            // Empty again at once: autovacuum of 1M fresh rows must not run during the baselines.
            await database.ResetAsync();
            return run;
        }

        var (download, validate, readSide) = await ReadOnlyPass.RunAsync(s3, staged, new EventValidator(TrackingPlanLoader.LoadEmbedded()), loader);
        Console.WriteLine($"round {round}: client CPU without database: S3 GET + gunzip + split {download.TotalSeconds:F2} s, + plan check {validate.TotalSeconds:F2} s; " +
                          $"loader's reading side (S3 + gunzip + split + one-pass check and COPY encoding) {readSide.TotalSeconds:F2} s");
        Console.WriteLine($"round {round}: client CPU: pre-encoded twin {indexedCpu.TotalSeconds:F2} s, typed twin {typedCpu.TotalSeconds:F2} s, pre-encoded bare {bareCpu.TotalSeconds:F2} s, loader {loaderCpu.TotalSeconds:F2} s; " +
                          $"Postgres server CPU: pre-encoded twin {indexedServer.TotalSeconds:F2} s, typed twin {typedServer.TotalSeconds:F2} s, pre-encoded bare {bareServer.TotalSeconds:F2} s, loader {loaderServer.TotalSeconds:F2} s");
        Console.WriteLine($"round {round} (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}): pre-encoded COPY into events' twin (PK + indexes) {indexed[^1]:N0} rows/s ({indexedTime.TotalSeconds:F2} s), " +
                          $"typed importer into the twin {typed[^1]:N0} rows/s ({typedTime.TotalSeconds:F2} s), " +
                          $"pre-encoded into a bare table {bare[^1]:N0} rows/s ({bareTime.TotalSeconds:F2} s), " +
                          $"loader {loaded[^1]:N0} rows/s ({loaderTime.TotalSeconds:F2} s: {(result.CopiedDirectly ? "direct COPY" : "staged")} {result.StagingTime.TotalSeconds:F2} s, " +
                          $"insert+commit {result.CommitTime.TotalSeconds:F2} s); ratio {loaded[^1] / indexed[^1]:F2} (vs typed {loaded[^1] / typed[^1]:F2}, vs bare {loaded[^1] / bare[^1]:F2})");
    }
    // Paired: each round's ratio compares runs seconds apart, which matters on a shared, noisy box.
    var ratios = loaded.Zip(indexed, (l, b) => l / b).ToList();
    var typedRatios = loaded.Zip(typed, (l, b) => l / b).ToList();
    var bareRatios = loaded.Zip(bare, (l, b) => l / b).ToList();
    Console.WriteLine($"median: pre-encoded COPY into events' twin {Median(indexed):N0} rows/s, typed importer into the twin {Median(typed):N0} rows/s, " +
                      $"pre-encoded into a bare table {Median(bare):N0} rows/s, loader {Median(loaded):N0} rows/s");
    Console.WriteLine($"median of per-round ratios: loader / pre-encoded COPY into events' twin {Median(ratios):F2} (rounds {string.Join(" / ", ratios.Select(r => r.ToString("F2")))}; target >= 0.90); " +
                      $"loader / typed importer into the twin {Median(typedRatios):F2}, loader / pre-encoded into a bare table {Median(bareRatios):F2} (informative)");
    if (oneThread is not null)
        Console.WriteLine($"median of per-round ratios: one-thread loader / raw COPY into events' twin {Median(loadedOneThread.Zip(indexed, (l, b) => l / b).ToList()):F2}, " +
                          $"one-thread loader / RowPipe loader {Median(loadedOneThread.Zip(loaded, (l, b) => l / b).ToList()):F2}");
    return 0;
});
return await root.Parse(args).InvokeAsync();

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static async Task<(TimeSpan Elapsed, TimeSpan Cpu, TimeSpan ServerCpu)> TimedAsync(Func<Task<TimeSpan>> run)
{
    var (cpu, server) = (Process.GetCurrentProcess().TotalProcessorTime, ServerCpu.Sample());
    var elapsed = await run();
    return (elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, ServerCpu.Sample() - server);
}
