using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Reading;

namespace Sandbox.DynamoDb.Bench;

/// <summary>One round's figures for one server.</summary>
public sealed record RoundResult(string Server, int Round, long Items, TimeSpan WriteCpu, TimeSpan WriteWall, int Queries, TimeSpan QueryCpu, TimeSpan QueryWall)
{
    public double WriteCpuMicrosPerItem => WriteCpu.TotalMicroseconds / Items;
    public double QueryCpuMicros => QueryCpu.TotalMicroseconds / Queries;
}

/// <summary>
/// The click log's workload: real click items (ClickLogItem.From) written by the click-log host's own
/// ClickLogWriter (BatchWriteItem, 25 a request) from <see cref="Writers"/> concurrent callers, then
/// `sandbox clicks`-style reads (ClickLogReader: a user's latest 20, newest first).
/// </summary>
public sealed class ClickWorkload(int items, int users, int queries)
{
    private const int Writers = 4, BatchPerCall = 500;

    /// <summary>Creates a fresh click-log table on <paramref name="client"/>; returns its name.</summary>
    public static async Task<string> CreateTableAsync(AmazonDynamoDBClient client, string prefix, CancellationToken cancellationToken)
    {
        var table = $"{prefix}_{Guid.NewGuid():N}"[..30];
        await client.CreateTableAsync(ClickLogTable.Definition(table), cancellationToken);
        while ((await client.DescribeTableAsync(table, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE) await Task.Delay(50, cancellationToken);
        return table;
    }

    /// <summary>
    /// Writes <paramref name="batches"/> through ClickLogWriter from <see cref="Writers"/> concurrent callers, taking
    /// the next batch from one shared enumerator (so a lazily made sequence never sits in memory whole).
    /// </summary>
    public static async Task WriteAsync(AmazonDynamoDBClient client, string table, IEnumerable<Dictionary<string, AttributeValue>[]> batches, CancellationToken cancellationToken)
    {
        var writer = new ClickLogWriter(client, table);
        using var next = batches.GetEnumerator();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                Dictionary<string, AttributeValue>[] batch;
                lock (next)
                {
                    if (!next.MoveNext()) return;
                    batch = next.Current;
                }
                await writer.WriteAsync(batch, cancellationToken);
            }
        }, cancellationToken)));
    }

    /// <summary>Click items 0..count-1 in batches of <see cref="BatchPerCall"/>, made as they are taken.</summary>
    public IEnumerable<Dictionary<string, AttributeValue>[]> Batches(int count) => Enumerable.Range(0, count).Select(Click).Chunk(BatchPerCall);

    public async Task<RoundResult> RunAsync(IServer server, int round, CancellationToken cancellationToken)
    {
        using var client = server.Client();
        var table = await CreateTableAsync(client, $"bench_clicks_{round}", cancellationToken);
        var batches = Batches(items).ToList(); // made before the clock starts: only the servers' work is timed

        var cpu = server.CpuTime;
        var clock = Stopwatch.StartNew();
        await WriteAsync(client, table, batches, cancellationToken);
        var writeWall = clock.Elapsed;
        var writeCpu = server.CpuTime - cpu;

        cpu = server.CpuTime;
        var queryWall = await QueryAsync(server, client, table, cancellationToken);
        var result = new RoundResult(server.Name, round, items, writeCpu, writeWall, queries, server.CpuTime - cpu, queryWall);
        await client.DeleteTableAsync(table, cancellationToken);
        return result;
    }

    /// <summary>`sandbox clicks`-style reads (a user's latest 20, newest first) spread over the users; returns the wall time.</summary>
    public async Task<TimeSpan> QueryAsync(IServer server, AmazonDynamoDBClient client, string table, CancellationToken cancellationToken)
    {
        var reader = new ClickLogReader(client, table);
        var clock = Stopwatch.StartNew();
        for (var q = 0; q < queries; q++)
        {
            var clicks = await reader.LatestAsync(UserOf(q * 7919 % users), 20, cancellationToken);
            if (clicks.Count == 0) throw new InvalidOperationException($"{server.Name}: no clicks read back for {UserOf(q * 7919 % users)}");
        }
        return clock.Elapsed;
    }

    private string UserOf(int user) => $"u{user:D7}";

    private Dictionary<string, AttributeValue> Click(int n)
    {
        var time = DateTimeOffset.Parse("2026-11-30T00:00:00Z").AddMilliseconds(n * 37L);
        var eventTime = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        var click = new ClickEvent($"{Guid.NewGuid()}", eventTime, time.ToUnixTimeMilliseconds(), UserOf(n % users), $"anon-{n % users:D7}", $"p-{n % 5000:D5}", 1980 + n % 300,
        [
            ("anonymous_id", $"anon-{n % users:D7}"), ("session_id", $"s-{n / 20:D8}"), ("received_at", eventTime), ("platform", n % 3 == 0 ? "android" : "ios"),
            ("app_version", "3.12.0"), ("brand_id", $"b-{n % 400:D4}"), ("shop_name", "Cosme Shop"), ("shop_url", $"https://shop.example.com/products/{n % 5000}"),
            ("source", "post"),
        ]);
        return ClickLogItem.From(click, TimeSpan.FromDays(90));
    }
}
