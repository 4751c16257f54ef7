using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Api;

/// <summary>BatchWriteItem / BatchGetItem limits, Query and Scan (segments, pages, filters) as the click log uses them.</summary>
public sealed class BatchAndPagingTests() : TableTests()
{
    private async Task WriteClicksAsync(string user, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(25))
        {
            var response = await Db.Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [Table] = [.. chunk.Select(n => new WriteRequest(new PutRequest(Click(user, n))))] },
            });
            Assert.Empty(response.UnprocessedItems ?? []);
        }
    }

    [Fact]
    public async Task BatchWriteItem_takes_25_requests_and_refuses_26_or_duplicates()
    {
        await WriteClicksAsync("u1", 25);
        var tooMany = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Table] = [.. Enumerable.Range(0, 26).Select(n => new WriteRequest(new PutRequest(Click("u2", n))))] },
        }));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
        var duplicates = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Table] = [new WriteRequest(new PutRequest(Click("u3", 1))), new WriteRequest(new PutRequest(Click("u3", 1)))] },
        }));
        Assert.Contains("duplicates", duplicates.Message);
        // Nothing of a refused batch was written.
        Assert.Equal(25, (await Db.Client.ScanAsync(new ScanRequest { TableName = Table, Select = Select.COUNT })).Count);

        await Db.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [Table] = [new WriteRequest(new DeleteRequest(Item(("pk", S("u1")), ("sk", Click("u1", 0)["sk"]))))] },
        });
        Assert.Equal(24, (await Db.Client.ScanAsync(new ScanRequest { TableName = Table, Select = Select.COUNT })).Count);
    }

    [Fact]
    public async Task BatchGetItem_returns_found_items_projected_and_refuses_over_100_keys()
    {
        await WriteClicksAsync("u", 30);
        var keys = Enumerable.Range(0, 30).Select(n => Item(("pk", S("u")), ("sk", Click("u", n)["sk"]))).ToList();
        keys.Add(Item(("pk", S("nobody")), ("sk", S("x"))));
        var response = await Db.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Table] = new KeysAndAttributes { Keys = keys, ProjectionExpression = "event_id" } },
        });
        Assert.Equal(Enumerable.Range(0, 30).Select(n => $"e{n:D6}"), response.Responses[Table].Select(i => Assert.Single(i).Value.S).Order());
        Assert.Empty(response.UnprocessedKeys ?? []);

        var tooMany = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [Table] = new KeysAndAttributes { Keys = [.. Enumerable.Range(0, 101).Select(n => Item(("pk", S("u")), ("sk", S($"k{n}"))))] } },
        }));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
    }

    [Fact]
    public async Task Query_reads_a_partition_newest_first_with_Limit_pages_and_sort_key_conditions()
    {
        await WriteClicksAsync("alice", 40);
        await WriteClicksAsync("bob", 5);
        var newest = await Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "#user = :user", ExpressionAttributeNames = new() { ["#user"] = "pk" },
            ExpressionAttributeValues = new() { [":user"] = S("alice") }, ScanIndexForward = false, Limit = 10,
        });
        Assert.Equal(Enumerable.Range(30, 10).Reverse().Select(n => $"e{n:D6}"), newest.Items.Select(i => i["event_id"].S));
        Assert.NotEmpty(newest.LastEvaluatedKey);
        var next = await Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "pk = :user", ExpressionAttributeValues = new() { [":user"] = S("alice") },
            ScanIndexForward = false, Limit = 10, ExclusiveStartKey = newest.LastEvaluatedKey,
        });
        Assert.Equal("e000029", next.Items[0]["event_id"].S);

        var window = await Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "pk = :u AND sk BETWEEN :a AND :b",
            FilterExpression = "platform = :ios AND price >= :p",
            ExpressionAttributeValues = new() { [":u"] = S("alice"), [":a"] = Click("alice", 10)["sk"], [":b"] = Click("alice", 19)["sk"], [":ios"] = S("ios"), [":p"] = N(114) },
        });
        Assert.Equal(["e000014", "e000016", "e000018"], window.Items.Select(i => i["event_id"].S));
        Assert.Equal(10, window.ScannedCount);

        var prefix = await Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "pk = :u AND begins_with(sk, :minute)",
            ExpressionAttributeValues = new() { [":u"] = S("alice"), [":minute"] = S("2026-12-01T00:00:3") },
        });
        Assert.Equal(10, prefix.Count);

        var notKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "platform = :p", ExpressionAttributeValues = new() { [":p"] = S("ios") },
        }));
        Assert.Contains("key schema element: pk", notKey.Message);
    }

    [Fact]
    public async Task Parallel_scan_segments_cover_every_item_once_and_pages_stop_at_1_MB()
    {
        for (var u = 0; u < 20; u++) await WriteClicksAsync($"user-{u}", 10);
        var seen = new List<string>();
        for (var segment = 0; segment < 4; segment++)
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await Db.Client.ScanAsync(new ScanRequest { TableName = Table, Segment = segment, TotalSegments = 4, Limit = 7, ExclusiveStartKey = start });
                seen.AddRange(page.Items.Select(i => $"{i["pk"].S}/{i["sk"].S}"));
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            } while (start is not null);
        }
        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Distinct().Count());

        var big = new string('x', 100 * 1024);
        for (var i = 0; i < 15; i++) await Db.Client.PutItemAsync(Table, Item(("pk", S("big")), ("sk", S($"{i:D2}")), ("body", S(big))));
        var first = await Db.Client.ScanAsync(new ScanRequest { TableName = Table, FilterExpression = "pk = :big", ExpressionAttributeValues = new() { [":big"] = S("big") } });
        Assert.InRange(first.Items.Count, 1, 11);
        Assert.NotEmpty(first.LastEvaluatedKey);
    }

    [Fact]
    public async Task Scan_with_a_filter_counts_scanned_and_matching_items()
    {
        await WriteClicksAsync("u", 20);
        var page = await Db.Client.ScanAsync(new ScanRequest
        {
            TableName = Table, FilterExpression = "platform = :p OR (price < :cheap AND NOT contains(product_id, :x))",
            ExpressionAttributeValues = new() { [":p"] = S("ios"), [":cheap"] = N(103), [":x"] = S("zzz") },
        });
        Assert.Equal(20, page.ScannedCount);
        Assert.Equal(11, page.Count); // 10 ios + e000001 (android, price 101)
        var count = await Db.Client.ScanAsync(new ScanRequest { TableName = Table, Select = Select.COUNT });
        Assert.Equal(20, count.Count);
        Assert.Empty(count.Items ?? []);
    }

    [Fact]
    public async Task Number_sort_keys_page_in_value_order_exact_to_38_digits()
    {
        var table = await Db.CreateTableAsync(range: "n", rangeType: ScalarAttributeType.N);
        // Beyond decimal's 28-29 digits: these differ only in the 38th digit, and 1.50 is 1.5.
        string[] ascending = ["-1E+10", "-2.5", "0", "1.5", "12345678901234567890123456789012345670", "12345678901234567890123456789012345671", "12345678901234567890123456789012345672"];
        foreach (var n in ascending.Reverse()) await Db.Client.PutItemAsync(table, Item(("pk", S("u")), ("n", new AttributeValue { N = n })));
        await Db.Client.PutItemAsync(table, Item(("pk", S("u")), ("n", new AttributeValue { N = "1.50" })));

        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Db.Client.QueryAsync(new QueryRequest
            {
                TableName = table, KeyConditionExpression = "pk = :u", ExpressionAttributeValues = new() { [":u"] = S("u") }, Limit = 1, ExclusiveStartKey = start,
            });
            seen.AddRange(page.Items.Select(i => i["n"].N));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);

        Assert.Equal([.. ascending.Select(n => n == "1.5" ? "1.50" : n)], seen);
    }
}
