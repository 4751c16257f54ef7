using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Lambda;

namespace Sandbox.ClickLog.Bench;

/// <summary>A throwaway click-log table filled through the click-log function itself; deleted on dispose.</summary>
public sealed class SeededTable(IAmazonDynamoDB dynamo, string name, int users, int clicksPerUser, long items, TimeSpan seedTime) : IAsyncDisposable
{
    public string Name => name;
    public int Users => users;
    public int ClicksPerUser => clicksPerUser;
    public long Items => items;
    public TimeSpan SeedTime => seedTime;

    public static string UserOf(int index) => $"bench-user-{index:D5}";

    public static string EventTimeOf(int click) => $"2026-11-30T{click / 3600 % 24:00}:{click / 60 % 60:00}:{click % 60:00}.000Z";

    public static string EventIdOf(int user, int click) => $"{user:D13}{click:D13}";

    public static async Task<SeededTable> CreateAsync(IAmazonDynamoDB dynamo, int users, int clicksPerUser, CancellationToken cancellationToken)
    {
        var name = $"bench_click_logs_{Guid.NewGuid():N}";
        await dynamo.CreateTableAsync(ClickLogTable.Definition(name), cancellationToken);
        while ((await dynamo.DescribeTableAsync(name, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
            await Task.Delay(50, cancellationToken);
        var function = new ClickLogFunction(new ClickLogWriter(dynamo, name), TimeSpan.FromDays(90), NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        var lines = from user in Enumerable.Range(0, users)
                    from click in Enumerable.Range(0, clicksPerUser)
                    select Line(user, click);
        foreach (var chunk in lines.Chunk(100))
            await function.HandleAsync(new KinesisEvent
            {
                Records = [.. chunk.Select(line => new KinesisEvent.KinesisEventRecord
                {
                    Kinesis = new KinesisEvent.Record { Data = Base64StreamConverter.ToStream(System.Text.Encoding.UTF8.GetBytes(line)) },
                })],
            }, cancellationToken);
        return new SeededTable(dynamo, name, users, clicksPerUser, function.Written, clock.Elapsed);
    }

    private static string Line(int user, int click) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["event_id"] = EventIdOf(user, click), ["event_name"] = ClickEvent.EventName, ["user_id"] = UserOf(user), ["session_id"] = "s",
        ["event_time"] = EventTimeOf(click), ["received_at"] = EventTimeOf(click), ["platform"] = "ios", ["app_version"] = "1.0.0",
        ["properties"] = new Dictionary<string, object>
        {
            ["product_id"] = $"p-{click}", ["brand_id"] = "b-1", ["shop_name"] = "Shop", ["shop_url"] = $"https://shop.example/p/{click}",
            ["price"] = 1980, ["source"] = "post",
        },
    });

    public async ValueTask DisposeAsync() => await dynamo.DeleteTableAsync(name);
}
