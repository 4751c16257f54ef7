using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Reading;

namespace Sandbox.ClickLog.Bench;

public sealed record LatencyResult(int Last, int Samples, double[] Query, double[] GetItem)
{
    public override string ToString()
    {
        var (q50, q99, g50, g99) = (Percentile(Query, 50), Percentile(Query, 99), Percentile(GetItem, 50), Percentile(GetItem, 99));
        return $"{Samples} calls each, interleaved\n"
            + $"baseline GetItem (one item):        p50 {g50:F2} ms, p99 {g99:F2} ms\n"
            + $"clicks Query (latest {Last}, desc):    p50 {q50:F2} ms, p99 {q99:F2} ms\n"
            + $"ratio Query/GetItem:                p50 {q50 / g50:F2}x, p99 {q99 / g99:F2}x";
    }

    private static double Percentile(double[] values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
    }
}

/// <summary>Times the service's read and a bare GetItem alternately, after a warm-up of both.</summary>
public static class ReadLatency
{
    public static async Task<LatencyResult> MeasureAsync(IAmazonDynamoDB dynamo, SeededTable table, int last, int samples, CancellationToken cancellationToken)
    {
        var reader = new ClickLogReader(dynamo, table.Name);
        var random = new Random(42);
        var query = new double[samples];
        var getItem = new double[samples];
        for (var i = -samples / 10; i < samples; i++) // the negative indexes are the warm-up
        {
            var user = random.Next(table.Users);
            var clock = Stopwatch.StartNew();
            var clicks = await reader.LatestAsync(SeededTable.UserOf(user), last, cancellationToken);
            var queried = clock.Elapsed.TotalMilliseconds;
            if (clicks.Count == 0) throw new InvalidOperationException($"no clicks read back for {SeededTable.UserOf(user)}");

            var click = random.Next(table.ClicksPerUser);
            clock.Restart();
            var item = await dynamo.GetItemAsync(new GetItemRequest
            {
                TableName = table.Name,
                Key = new()
                {
                    [ClickLogItem.UserId] = new() { S = SeededTable.UserOf(user) },
                    [ClickLogItem.EventKey] = new() { S = ClickLogItem.KeyOf(SeededTable.EventTimeOf(click), SeededTable.EventIdOf(user, click)) },
                },
            }, cancellationToken);
            var got = clock.Elapsed.TotalMilliseconds;
            if (item.Item is not { Count: > 0 }) throw new InvalidOperationException("the baseline GetItem found no item");
            if (i < 0) continue;
            query[i] = queried;
            getItem[i] = got;
        }
        return new LatencyResult(last, samples, query, getItem);
    }
}
