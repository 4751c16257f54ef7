using System.CommandLine;
using System.Diagnostics;
using Npgsql;
using Sandbox.Core.Endpoints;

// The Redshift endpoint's cost: the same client runs the same work against the front (SANDBOX_WAREHOUSE,
// port 5439) and straight against the PostgreSQL behind it (POSTGRES_PORT), alternating in one run so
// both see the same machine state. Needs the native stack.
//  1. a SELECT streaming N rows (read fully, values decoded): time per round, ratio front / direct;
//  2. M small prepared queries (select $1): round-trip latency p50 / p99 on each side; added = front - direct.
var rowsOption = new Option<int>("--rows") { Description = "rows of the streamed SELECT", DefaultValueFactory = _ => 1_000_000 };
var roundsOption = new Option<int>("--rounds") { Description = "rounds of the streamed SELECT on each side", DefaultValueFactory = _ => 5 };
var queriesOption = new Option<int>("--queries") { Description = "small queries on each side", DefaultValueFactory = _ => 10_000 };
var postgresPortOption = new Option<int>("--postgres-port") { Description = "PostgreSQL's internal port (default: POSTGRES_PORT or 5438)" };
var copyRowsOption = new Option<int>("--copy-rows") { Description = "instead: the COPY bench (loader before/after, endpoint COPY FROM S3 vs plain COPY) with this many events" };
var copyObjectsOption = new Option<int>("--copy-objects") { Description = "staged objects in the COPY bench's manifest", DefaultValueFactory = _ => 8 };
var root = new RootCommand("Redshift endpoint overhead vs direct PostgreSQL") { rowsOption, roundsOption, queriesOption, postgresPortOption, copyRowsOption, copyObjectsOption };
root.SetAction(async (parse, _) =>
{
    var front = new NpgsqlConnectionStringBuilder(EndpointsLoader.Load().WarehouseConnectionString) { Pooling = false, CommandTimeout = 300 };
    var postgresPort = parse.GetValue(postgresPortOption) is > 0 and var port ? port
        : int.TryParse(Environment.GetEnvironmentVariable("POSTGRES_PORT"), out var fromEnvironment) ? fromEnvironment : 5438;
    if (parse.GetValue(copyRowsOption) is > 0 and var copyRows)
    {
        await CopyBench.RunAsync(copyRows, parse.GetValue(copyObjectsOption), parse.GetValue(roundsOption), postgresPort);
        return 0;
    }
    var direct = new NpgsqlConnectionStringBuilder(front.ConnectionString) { Port = postgresPort };
    Console.WriteLine($"front {front.Host}:{front.Port}, direct {direct.Host}:{direct.Port}; {Environment.ProcessorCount} cores; load {LoadAverage()}");

    await using var viaFront = await OpenAsync(front.ConnectionString);
    await using var straight = await OpenAsync(direct.ConnectionString);
    await StreamedSelect.WarmUpAsync(viaFront, straight);

    var rows = parse.GetValue(rowsOption);
    var frontTimes = new List<double>();
    var directTimes = new List<double>();
    for (var round = 0; round < parse.GetValue(roundsOption); round++)
    {
        // Alternate who goes first: neither side always gets the warmer caches.
        var first = round % 2 == 0;
        var (a, b) = first ? (viaFront, straight) : (straight, viaFront);
        var timeA = await StreamedSelect.TimeAsync(a, rows);
        var timeB = await StreamedSelect.TimeAsync(b, rows);
        (first ? frontTimes : directTimes).Add(timeA);
        (first ? directTimes : frontTimes).Add(timeB);
        Console.WriteLine($"  round {round + 1}: front {(first ? timeA : timeB):F3} s, direct {(first ? timeB : timeA):F3} s");
    }
    var (frontMedian, directMedian) = (Median(frontTimes), Median(directTimes));
    Console.WriteLine($"{rows:N0}-row SELECT: front {frontMedian:F3} s, direct {directMedian:F3} s (medians): ratio {frontMedian / directMedian:F3}x (target <= 1.10x)");

    var latencies = await SmallQueries.MeasureAsync(viaFront, straight, parse.GetValue(queriesOption));
    Console.WriteLine($"{parse.GetValue(queriesOption):N0} small queries each side: " +
        $"front p50 {latencies.Front.P50:F1} us p99 {latencies.Front.P99:F1} us; direct p50 {latencies.Direct.P50:F1} us p99 {latencies.Direct.P99:F1} us; " +
        $"added p50 {latencies.Front.P50 - latencies.Direct.P50:F1} us (target <= 100 us), p99 {latencies.Front.P99 - latencies.Direct.P99:F1} us");
    Console.WriteLine($"load after: {LoadAverage()}");
    return 0;
});
return await root.Parse(args).InvokeAsync();

static async Task<NpgsqlConnection> OpenAsync(string connectionString)
{
    var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

static class StreamedSelect
{
    public static async Task WarmUpAsync(params NpgsqlConnection[] connections)
    {
        foreach (var connection in connections) await TimeAsync(connection, 50_000);
    }

    /// <returns>Seconds to run the SELECT and read every value of every row.</returns>
    public static async Task<double> TimeAsync(NpgsqlConnection connection, int rows)
    {
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand(
            "select g, 'user-' || g, g * 0.5, timestamp '2026-01-01' + g * interval '1 second' from generate_series(1, $1) g", connection);
        command.Parameters.Add(new() { Value = rows });
        await using var reader = await command.ExecuteReaderAsync();
        long check = 0;
        while (await reader.ReadAsync())
            check += reader.GetInt32(0) + reader.GetString(1).Length + (long)reader.GetDecimal(2) + reader.GetDateTime(3).Second;
        if (check == 0) throw new InvalidOperationException("the SELECT returned nothing");
        return clock.Elapsed.TotalSeconds;
    }
}

static class SmallQueries
{
    public sealed record Percentiles(double P50, double P99);

    /// <summary>Blocks of 100 queries, alternating sides, so drifts in machine load hit both alike.</summary>
    public static async Task<(Percentiles Front, Percentiles Direct)> MeasureAsync(NpgsqlConnection front, NpgsqlConnection direct, int queries)
    {
        await using var onFront = await PrepareAsync(front);
        await using var onDirect = await PrepareAsync(direct);
        var frontTicks = new List<long>(queries);
        var directTicks = new List<long>(queries);
        for (var warm = 0; warm < 500; warm++) { await onFront.ExecuteScalarAsync(); await onDirect.ExecuteScalarAsync(); }
        for (var done = 0; done < queries; done += 100)
        {
            var block = Math.Min(100, queries - done);
            await RunAsync(onFront, block, frontTicks);
            await RunAsync(onDirect, block, directTicks);
        }
        return (Of(frontTicks), Of(directTicks));
    }

    private static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand("select $1::int", connection);
        command.Parameters.Add(new() { Value = 1 });
        await command.PrepareAsync();
        return command;
    }

    private static async Task RunAsync(NpgsqlCommand command, int count, List<long> ticks)
    {
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await command.ExecuteScalarAsync();
            ticks.Add(Stopwatch.GetTimestamp() - start);
        }
    }

    private static Percentiles Of(List<long> ticks)
    {
        ticks.Sort();
        double Micro(double q) => ticks[(int)Math.Min(ticks.Count - 1, Math.Ceiling(q * ticks.Count) - 1)] * 1e6 / Stopwatch.Frequency;
        return new Percentiles(Micro(0.50), Micro(0.99));
    }
}
