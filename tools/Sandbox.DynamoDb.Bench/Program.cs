using System.CommandLine;
using Sandbox.DynamoDb.Bench;

// sandbox-dynamodb vs dynalite (the native stack's DynamoDB before it) on the click log's workload,
// interleaved round by round in one run so both see the same machine. The figure that matters for
// a load test is the server's CPU seconds (utime + stime from /proc), not wall time on a shared box.
var items = new Option<int>("--items") { Description = "click items written per round (a 1M-event day has ~85k)", DefaultValueFactory = _ => 85_000 };
var users = new Option<int>("--users") { Description = "distinct users (partition keys)", DefaultValueFactory = _ => 20_000 };
var queries = new Option<int>("--queries") { Description = "`sandbox clicks` reads per round", DefaultValueFactory = _ => 2_000 };
var rounds = new Option<int>("--rounds") { Description = "rounds per server, alternating which goes first", DefaultValueFactory = _ => 3 };
var root = new RootCommand("DynamoDB engine CPU: sandbox-dynamodb vs dynalite") { items, users, queries, rounds };
root.SetAction(async (parse, cancellationToken) =>
{
    var repository = FindRepository();
    var scratch = Path.Combine(Path.GetTempPath(), $"sandbox-dynamodb-bench-{Guid.NewGuid():N}");
    using IServer ours = await OurServer.StartAsync(Path.Combine(scratch, "ours"));
    using IServer dynalite = await Dynalite.StartAsync(repository, Path.Combine(scratch, "dynalite")); // each server deletes its folder on dispose
    var workload = new ClickWorkload(parse.GetValue(items), parse.GetValue(users), parse.GetValue(queries));
    Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; " +
        $"{parse.GetValue(items):N0} click items (BatchWriteItem x25, 4 writers) + {parse.GetValue(queries):N0} queries per round");
    var results = new List<RoundResult>();
    for (var round = 1; round <= parse.GetValue(rounds); round++)
    {
        IServer[] order = round % 2 == 1 ? [ours, dynalite] : [dynalite, ours];
        foreach (var server in order)
        {
            var result = await workload.RunAsync(server, round, cancellationToken);
            results.Add(result);
            Console.WriteLine($"round {round} {result.Server,-16} write {result.WriteCpu.TotalSeconds,6:F2} CPU-s ({result.WriteCpuMicrosPerItem,6:F1} us/item), " +
                $"wall {result.WriteWall.TotalSeconds,6:F2} s ({result.Items / result.WriteWall.TotalSeconds,7:N0} items/s); " +
                $"query {result.QueryCpuMicros,6:F0} us CPU, {result.QueryWall.TotalMilliseconds / result.Queries,5:F2} ms wall");
        }
    }
    double Median(IEnumerable<double> values) { var sorted = values.Order().ToList(); return sorted[sorted.Count / 2]; }
    var oursWrite = Median(results.Where(r => r.Server == ours.Name).Select(r => r.WriteCpuMicrosPerItem));
    var baseWrite = Median(results.Where(r => r.Server == dynalite.Name).Select(r => r.WriteCpuMicrosPerItem));
    var oursQuery = Median(results.Where(r => r.Server == ours.Name).Select(r => r.QueryCpuMicros));
    var baseQuery = Median(results.Where(r => r.Server == dynalite.Name).Select(r => r.QueryCpuMicros));
    var oursWall = Median(results.Where(r => r.Server == ours.Name).Select(r => r.WriteWall.TotalSeconds));
    var baseWall = Median(results.Where(r => r.Server == dynalite.Name).Select(r => r.WriteWall.TotalSeconds));
    Console.WriteLine($"median: write CPU {oursWrite:F1} vs {baseWrite:F1} us/item ({baseWrite / oursWrite:F1}x less CPU), " +
        $"write wall {oursWall:F2} vs {baseWall:F2} s ({baseWall / oursWall:F1}x), query CPU {oursQuery:F0} vs {baseQuery:F0} us ({baseQuery / oursQuery:F1}x)");
    Console.WriteLine($"server CPU-s per 1M events (~85k click items): {oursWrite * 85_000 / 1e6:F1} vs {baseWrite * 85_000 / 1e6:F1}");
    return 0;
});

// `memory`: peak RSS against the number of items held (issue #17), this build against another build of the
// engine (e.g. main's), each size from fresh processes, the two builds interleaved.
var baselineEngine = new Option<string>("--baseline-engine") { Description = "sandbox-dynamodb.dll of the build to compare with", Required = true };
var sizes = new Option<int[]>("--sizes") { Description = "click items per run", DefaultValueFactory = _ => [500_000, 3_000_000], AllowMultipleArgumentsPerToken = true };
var memory = new Command("memory", "peak RSS and CPU per item of two engine builds writing growing tables") { baselineEngine, sizes };
memory.SetAction(async (parse, cancellationToken) =>
{
    var scratch = Path.Combine(Path.GetTempPath(), $"sandbox-dynamodb-memory-{Guid.NewGuid():N}");
    var baseline = Path.GetFullPath(parse.GetValue(baselineEngine)!);
    Console.WriteLine($"{Environment.ProcessorCount} cores; baseline {baseline}");
    var runs = parse.GetValue(sizes)!.Select((size, i) => (size, i));
    foreach (var (size, i) in runs)
    {
        (string Name, string? Dll)[] order = i % 2 == 0 ? [("baseline", baseline), ("this-build", null)] : [("this-build", null), ("baseline", baseline)];
        foreach (var (name, dll) in order)
        {
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var r = await MemoryRun.RunAsync(name, dll, scratch, size, cancellationToken);
            Console.WriteLine($"{r.Engine,-10} {r.Items,10:N0} items: peak RSS {r.PeakRssBytes / 1048576.0,7:F0} MB (at start {r.StartRssBytes / 1048576.0:F0} MB), " +
                $"write {r.WriteCpu.TotalSeconds,7:F1} CPU-s ({r.CpuMicrosPerItem,5:F1} us/item, {r.WriteSystemCpu.TotalMicroseconds / r.Items,4:F1} of it system), wall {r.WriteWall.TotalSeconds,6:F0} s, disk {r.DiskBytesPerItem,5:F0} B/item, query {r.QueryCpuMicros,5:F0} us CPU, load average {load}");
        }
    }
    if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    return 0;
});
root.Subcommands.Add(memory);
return await root.Parse(args).InvokeAsync();

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "Sandbox.sln"))) return folder.FullName;
    throw new DirectoryNotFoundException("run the bench from inside the repository (Sandbox.sln not found above it)");
}
