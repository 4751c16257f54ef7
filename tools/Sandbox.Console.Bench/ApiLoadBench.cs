using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Sandbox.Console.Bench;

/// <summary>
/// #14: N concurrent API clients (each its own keep-alive connection) reading a cached result,
/// GET /api/queries/{id}/results.json with an API key, a bounded number of requests each on loopback.
/// Baselines in the same run, same clients and loop: a static file from the same Kestrel (the floor of
/// any request through the console's pipeline), and the raw PostgreSQL read of the cached row (the
/// floor of the data's own trip: the same N clients over a pool of 10 connections).
/// </summary>
public sealed class ApiLoadBench(Stack stack, int clients, int requestsPerClient)
{
    private const int RawPoolSize = 10;
    private const string ResultSql = "select g as n, md5(g::text) as hash, now()::date - g % 30 as day from generate_series(1, 1000) g";

    public async Task RunAsync()
    {
        using var admin = await stack.SignedInAsync();
        var id = await stack.CachedQueryAsync(admin, $"bench: cached result {Guid.NewGuid():N}", ResultSql);
        var key = await stack.ApiKeyAsync(admin);
        try
        {
            var bodyBytes = (await admin.GetByteArrayAsync($"/api/queries/{id}/results.json")).Length;
            var staticBytes = (await admin.GetByteArrayAsync("/console.css")).Length;
            System.Console.WriteLine($"api: {clients} clients x {requestsPerClient} requests; cached result of 1,000 rows = {bodyBytes:N0} bytes of JSON; static file /console.css = {staticBytes:N0} bytes");

            await HttpAsync($"/api/queries/{id}/results.json", key, warmup: true);
            var cached = await HttpAsync($"/api/queries/{id}/results.json", key, warmup: false);
            var file = await HttpAsync("/console.css", key: null, warmup: false);
            var raw = await PostgresAsync(id);
            Print("results.json (cached, API key)", cached);
            Print("static file, same Kestrel", file);
            Print("raw PostgreSQL read of the cached row", raw);
            System.Console.WriteLine($"api: p99 results.json / static file = {Stats.Ratio(Stats.Percentile(cached.Latencies, 99), Stats.Percentile(file.Latencies, 99))}, " +
                $"/ raw PostgreSQL = {Stats.Ratio(Stats.Percentile(cached.Latencies, 99), Stats.Percentile(raw.Latencies, 99))}; " +
                $"target p99 <= 50 ms: {(Stats.Percentile(cached.Latencies, 99) <= 50 ? "met" : "NOT met")}");
        }
        finally
        {
            await stack.DeleteQueryAsync(admin, id);
        }
    }

    private sealed record Sample(List<double> Latencies, double Seconds);

    private async Task<Sample> HttpAsync(string path, string? key, bool warmup)
    {
        var handlers = Enumerable.Range(0, clients).Select(_ =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = stack.ConsoleUrl };
            if (key is not null) client.DefaultRequestHeaders.Add("Authorization", $"Key {key}");
            return client;
        }).ToList();
        var rounds = warmup ? Math.Max(1, requestsPerClient / 10) : requestsPerClient;
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(handlers.Select((client, c) => Task.Run(async () =>
        {
            latencies[c] = new List<double>(rounds);
            for (var i = 0; i < rounds; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var h in handlers) h.Dispose();
        return new Sample(latencies.SelectMany(l => l).ToList(), seconds);
    }

    private async Task<Sample> PostgresAsync(int queryId)
    {
        // The stack's PostgreSQL keeps 100 connections for everyone: the clients share a pool of 10, as the console's requests share its own.
        var builder = new NpgsqlConnectionStringBuilder(stack.AdminConnectionString) { MaxPoolSize = RawPoolSize };
        await using var source = NpgsqlDataSource.Create(builder);
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = new List<double>(requestsPerClient);
            for (var i = 0; i < requestsPerClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await using var command = source.CreateCommand(
                    "select columns::text, rows::text from console.query_results where query_id = $1 order by retrieved_at desc, id desc limit 1");
                command.Parameters.Add(new() { Value = queryId });
                await using var reader = await command.ExecuteReaderAsync();
                if (!await reader.ReadAsync()) throw new InvalidOperationException($"query {queryId} has no cached result");
                _ = reader.GetString(1).Length;
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return new Sample(latencies.SelectMany(l => l).ToList(), clock.Elapsed.TotalSeconds);
    }

    private static void Print(string name, Sample sample) =>
        System.Console.WriteLine($"api: {name,-40} p50 {Stats.Median(sample.Latencies),7:F1} ms  p99 {Stats.Percentile(sample.Latencies, 99),7:F1} ms  " +
            $"max {sample.Latencies.Max(),7:F1} ms  {sample.Latencies.Count / sample.Seconds,8:F0} req/s");
}
