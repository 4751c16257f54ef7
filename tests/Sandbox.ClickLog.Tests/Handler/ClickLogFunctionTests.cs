using System.Text;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Lambda;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Handler;

[Collection(ClickLogCollection.Name)]
public sealed class ClickLogFunctionTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private string _table = null!;
    private ClickLogFunction _function = null!;

    public async Task InitializeAsync()
    {
        _table = await fixture.CreateClickTableAsync();
        _function = new ClickLogFunction(new ClickLogWriter(fixture.Dynamo, _table), Retention, NullLogger.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static KinesisEvent EventOf(params string[] lines) => new()
    {
        Records = [.. lines.Select((line, i) => new KinesisEvent.KinesisEventRecord
        {
            EventId = $"shardId-000000000000:{1000 + i}",
            Kinesis = new KinesisEvent.Record { SequenceNumber = $"{1000 + i}", Data = Base64StreamConverter.ToStream(Encoding.UTF8.GetBytes(line)) },
        })],
    };

    private async Task<Dictionary<string, AttributeValue>?> ItemAsync(string user, string eventKey) =>
        (await fixture.Dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _table, ConsistentRead = true,
            Key = new() { ["user_id"] = new() { S = user }, ["event_key"] = new() { S = eventKey } },
        })).Item is { Count: > 0 } item ? item : null;

    [Fact]
    public async Task A_click_is_stored_under_the_user_and_event_time_with_a_ttl_from_the_event_time()
    {
        var id = TestLines.NewEventId();
        await _function.HandleAsync(EventOf(TestLines.Click("u-1", "2026-11-30T12:34:56.789Z", id, productId: "p-42")), default);

        var item = await ItemAsync("u-1", $"2026-11-30T12:34:56.789Z#{id}");
        Assert.NotNull(item);
        Assert.Equal("p-42", item["product_id"].S);
        Assert.Equal("1980", item["price"].N);
        Assert.Equal("Shop", item["shop_name"].S);
        var eventSeconds = DateTimeOffset.Parse("2026-11-30T12:34:56Z").ToUnixTimeSeconds();
        Assert.Equal((eventSeconds + (long)Retention.TotalSeconds).ToString(), item["expires_at"].N);
    }

    [Fact]
    public async Task A_click_before_sign_up_is_stored_under_the_anonymous_id()
    {
        var id = TestLines.NewEventId();
        await _function.HandleAsync(EventOf(TestLines.Click(null, "2026-11-30T08:00:00.000Z", id, anonymousId: "anon-7")), default);

        Assert.NotNull(await ItemAsync("anon-7", $"2026-11-30T08:00:00.000Z#{id}"));
    }

    [Fact]
    public async Task A_redelivered_batch_writes_nothing_new()
    {
        string[] lines = [TestLines.Click("u-2", 1), TestLines.Click("u-2", 2), TestLines.Click("u-3", 3)];
        var batch = EventOf(lines);
        await _function.HandleAsync(batch, default);
        var before = await fixture.Dynamo.ScanAsync(new ScanRequest { TableName = _table, ConsistentRead = true });

        await _function.HandleAsync(batch, default);
        await _function.HandleAsync(EventOf(lines[1]), default); // one record again, alone

        var after = await fixture.Dynamo.ScanAsync(new ScanRequest { TableName = _table, ConsistentRead = true });
        Assert.Equal(3, after.Items.Count);
        Assert.Equal(Snapshot(before.Items), Snapshot(after.Items));
    }

    [Fact]
    public async Task The_same_event_twice_in_one_batch_is_one_item()
    {
        var line = TestLines.Click("u-4", 5);
        await _function.HandleAsync(EventOf(line, line), default);

        Assert.Equal(1, await fixture.CountItemsAsync(_table));
    }

    [Fact]
    public async Task A_batch_of_more_clicks_than_one_request_holds_is_stored_whole()
    {
        // BatchWriteItem takes 25 items: 130 clicks are 6 requests.
        var clicks = Enumerable.Range(0, 130).Select(i => TestLines.Click($"u-{i % 7}", $"2026-11-30T12:{i / 60:00}:{i % 60:00}.000Z")).ToArray();

        await _function.HandleAsync(EventOf(clicks), default);

        Assert.Equal(130, await fixture.CountItemsAsync(_table));
        Assert.Equal(130, _function.Written);
    }

    [Fact]
    public async Task A_missing_table_fails_the_invocation_naming_the_table()
    {
        var missing = ClickLogFixture.Unique("no-such-table");
        var function = new ClickLogFunction(new ClickLogWriter(fixture.Dynamo, missing), Retention, NullLogger.Instance);
        var clicks = Enumerable.Range(0, 60).Select(i => TestLines.Click("u-8", i % 60)).ToArray();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => function.HandleAsync(EventOf(clicks), default));

        Assert.Contains($"'{missing}' does not exist", error.Message);
        Assert.Equal(0, function.Written);
    }

    [Fact]
    public async Task Events_other_than_clicks_are_counted_and_not_stored()
    {
        await _function.HandleAsync(EventOf(TestLines.Other(), TestLines.Click("u-5", 1), TestLines.Other("search")), default);

        Assert.Equal(1, await fixture.CountItemsAsync(_table));
        Assert.Equal(2, _function.Ignored);
        Assert.Equal(1, _function.Written);
    }

    [Theory]
    [InlineData("{not json", "data is not JSON")]
    [InlineData("""["an","array"]""", "not a JSON object")]
    [InlineData("""{"event_name":"click_product_link","user_id":"u","event_time":"2026-11-30T12:00:00.000Z"}""", "'event_id' is missing")]
    [InlineData("""{"event_id":"e1","event_name":"click_product_link","event_time":"2026-11-30T12:00:00.000Z"}""", "neither user_id nor anonymous_id")]
    [InlineData("""{"event_id":"e1","event_name":"click_product_link","user_id":"u","event_time":"yesterday"}""", "not an ISO-8601")]
    [InlineData("""{"event_id":"e1","event_name":"click_product_link","user_id":"u","event_time":"2026-11-30T12:00:00.000Z","properties":{}}""", "no properties.product_id")]
    public async Task A_bad_record_fails_the_invocation_naming_the_record_and_the_fault(string line, string reason)
    {
        var error = await Assert.ThrowsAsync<BadRecordException>(() => _function.HandleAsync(EventOf(TestLines.Click("u-6", 1), line), default));

        Assert.Equal("shardId-000000000000:1001", error.EventId);
        Assert.Contains(reason, error.Message);
        Assert.Equal(0, await fixture.CountItemsAsync(_table)); // the batch is refused as a whole, before any write
    }

    private static List<string> Snapshot(IEnumerable<Dictionary<string, AttributeValue>> items) =>
        [.. items.Select(item => string.Join(",", item.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value.S ?? a.Value.N}"))).Order()];
}
