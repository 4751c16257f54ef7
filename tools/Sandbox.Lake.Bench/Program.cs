using System.CommandLine;
using System.Diagnostics;
using DuckDB.NET.Data;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Sql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Lake.Bench;
using Sandbox.Lake.Partitions;
using Sandbox.Lake;

// The 14-day funnel (Sandbox.Analytics' FunnelSql for DuckDB) on the same events three ways, in
// alternating rounds of one run: a native DuckDB table (baseline), the lake over its Parquet cache,
// and the lake straight over the cached gzip JSON. Lake timings include opening the lake (listing the
// bucket, checking every object's ETag against the cache, creating the views). Needs the native stack's s3rver.
var eventsOption = new Option<long>("--events") { Description = "total events", DefaultValueFactory = _ => 10_000_000 };
var daysOption = new Option<int>("--days") { Description = "days", DefaultValueFactory = _ => 14 };
var roundsOption = new Option<int>("--rounds") { Description = "timed rounds", DefaultValueFactory = _ => 3 };
var dataOption = new Option<string>("--data") { Description = "folder for the native table and the lake cache", DefaultValueFactory = _ => ".sandbox/bench/lake" };
var coldOption = new Option<bool>("--cold") { Description = "empty the lake cache first and time the first open (fetch + convert)" };
var root = new RootCommand("14-day funnel: lake (Parquet cache, gzip JSON cache) vs a native DuckDB table") { eventsOption, daysOption, roundsOption, dataOption, coldOption };
root.SetAction(async (parse, _) =>
{
    var (events, days) = (parse.GetValue(eventsOption), parse.GetValue(daysOption));
    var from = new DateOnly(2026, 11, 1);
    var folder = Path.GetFullPath(Path.Combine(parse.GetValue(dataOption)!, $"{events}x{days}"));
    Directory.CreateDirectory(folder);
    using var native = new DuckDBConnection($"DataSource={Path.Combine(folder, "events.duckdb")}");
    native.Open();
    var clock = Stopwatch.StartNew();
    SyntheticEvents.EnsureTable(native, events, days, from);
    Console.WriteLine($"native table ready in {clock.Elapsed.TotalSeconds:F0} s");

    var endpoints = EndpointsLoader.Load();
    using var s3 = AwsClients.S3(endpoints);
    var bucket = $"lake-bench-{events}x{days}";
    await ArchiveUpload.EnsureAsync(native, s3, bucket, from, days, folder);
    Execute(native, "set TimeZone = 'UTC'");

    var cache = Path.Combine(folder, "lake-cache");
    if (parse.GetValue(coldOption) && Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
    var parquetLake = new Lake(s3, bucket, new LakeOptions { CacheRoot = cache });
    var jsonLake = new Lake(s3, bucket, new LakeOptions { CacheRoot = cache, Format = LakeFormat.Json });
    clock.Restart();
    await (await parquetLake.OpenAsync(PartitionFilter.All)).DisposeAsync();
    Console.WriteLine($"first lake open: {clock.Elapsed.TotalSeconds:F1} s ({parquetLake.Stats})");

    var range = new DateRange(from, from.AddDays(days - 1));
    var sql = FunnelSql.Render(new FunnelDefinition("purchase", SyntheticEvents.FunnelSteps, range), SqlDialect.DuckDb);
    var partitions = PartitionFilter.Days(range.From, range.To);
    var candidates = new (string Name, Func<Task<string>> Run)[]
    {
        ("duckdb native table", () => Task.FromResult(Rows(native, sql))),
        ("lake: parquet cache", () => OnLakeAsync(parquetLake, partitions, sql)),
        ("lake: gzip json cache", () => OnLakeAsync(jsonLake, partitions, sql)),
    };
    Console.WriteLine($"{Count(native):N0} events, {days} days; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    var seconds = await TimeAsync(candidates, parse.GetValue(roundsOption));
    Report($"funnel {string.Join(" > ", SyntheticEvents.FunnelSteps)} over {days} days (same rows on every engine)", candidates.Select(c => c.Name), seconds);

    // Partition pruning: one day's per-hour counts, as `sandbox athena` derives the partitions from the WHERE.
    var daySql = $"select hour, count(*) from events where dt = '{from.AddDays(days / 2):yyyy-MM-dd}' group by hour order by hour";
    var pruning = new (string Name, Func<Task<string>> Run)[]
    {
        ("lake: all partitions", () => OnLakeAsync(parquetLake, PartitionFilter.All, daySql)),
        ("lake: pruned to dt", () => OnLakeAsync(parquetLake, PartitionPredicates.FromSql(daySql), daySql)),
    };
    var pruned = await TimeAsync(pruning, parse.GetValue(roundsOption));
    Report($"one day's hourly counts ({daySql})", pruning.Select(c => c.Name), pruned);
    return 0;
});
return await root.Parse(args).InvokeAsync();

// Alternating rounds; every candidate must return the same rows.
static async Task<Dictionary<string, List<double>>> TimeAsync((string Name, Func<Task<string>> Run)[] candidates, int rounds)
{
    var seconds = candidates.ToDictionary(c => c.Name, _ => new List<double>());
    string? expected = null;
    for (var round = 1; round <= rounds; round++)
    {
        // Alternate the order so no candidate always runs on a warmer (or busier) machine.
        foreach (var (name, run) in round % 2 == 1 ? candidates : candidates.Reverse())
        {
            var clock = Stopwatch.StartNew();
            var result = await run();
            seconds[name].Add(clock.Elapsed.TotalSeconds);
            expected ??= result;
            if (result != expected) throw new InvalidOperationException($"{name}: the result differs from the other candidates'");
            Console.WriteLine($"  round {round} {name,-24} {clock.Elapsed.TotalSeconds,7:F2} s");
        }
    }
    return seconds;
}

static void Report(string title, IEnumerable<string> names, Dictionary<string, List<double>> seconds)
{
    var list = names.ToList();
    var baseline = Median(seconds[list[0]]);
    Console.WriteLine($"{title}, medians:");
    foreach (var name in list)
        Console.WriteLine($"  {name,-24} {Median(seconds[name]),7:F2} s   x{Median(seconds[name]) / baseline:F2} of {list[0]}");
}

static async Task<string> OnLakeAsync(Lake lake, PartitionFilter partitions, string sql)
{
    await using var connection = await lake.OpenAsync(partitions);
    return Rows(connection, sql);
}

static string Rows(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var rows = new List<string>();
    while (reader.Read()) rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))));
    return string.Join("\n", rows);
}

static long Count(DuckDBConnection connection)
{
    using var command = connection.CreateCommand();
    command.CommandText = "select count(*) from events";
    return Convert.ToInt64(command.ExecuteScalar());
}

static void Execute(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
