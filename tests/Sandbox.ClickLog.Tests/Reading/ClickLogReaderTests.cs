using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Lambda;
using Sandbox.ClickLog.Reading;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Reading;

[Collection(ClickLogCollection.Name)]
public sealed class ClickLogReaderTests(ClickLogFixture fixture)
{
    public static async Task<string> SeedAsync(ClickLogFixture fixture, IEnumerable<string> lines)
    {
        var table = await fixture.CreateClickTableAsync();
        var function = new ClickLogFunction(new ClickLogWriter(fixture.Dynamo, table), TimeSpan.FromDays(90), NullLogger.Instance);
        await function.HandleAsync(new KinesisEvent
        {
            Records = [.. lines.Select((line, i) => new KinesisEvent.KinesisEventRecord
            {
                EventId = $"shardId-000000000000:{i}",
                Kinesis = new KinesisEvent.Record { Data = Base64StreamConverter.ToStream(System.Text.Encoding.UTF8.GetBytes(line)) },
            })],
        }, default);
        return table;
    }

    [Fact]
    public async Task The_latest_clicks_of_a_user_come_back_newest_first()
    {
        var minutes = new[] { 5, 41, 12, 30, 59, 1 };
        var table = await SeedAsync(fixture, [.. minutes.Select(m => TestLines.Click("u-r", m)), TestLines.Click("u-other", 58)]);
        var reader = new ClickLogReader(fixture.Dynamo, table);

        var latest = await reader.LatestAsync("u-r", 4, default);

        Assert.Equal(["12:59", "12:41", "12:30", "12:12"], latest.Select(c => c.EventTime[11..16]));
        Assert.All(latest, c => Assert.Equal("u-r", c.UserId));
        Assert.Equal(6, (await reader.LatestAsync("u-r", 100, default)).Count);
        Assert.Empty(await reader.LatestAsync("nobody", 3, default));
    }
}
