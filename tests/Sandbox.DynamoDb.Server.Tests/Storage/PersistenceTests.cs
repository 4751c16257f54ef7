using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Storage;

/// <summary>Tables and items survive a restart; an older engine's items.log is imported; overwrites do not grow the file.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Tables_items_deletes_and_ttl_survive_a_restart()
    {
        await using var db = await InProcessDynamoDb.StartAsync();
        var table = await db.CreateTableAsync();
        var gone = await db.CreateTableAsync();
        for (var n = 0; n < 30; n++) await db.Client.PutItemAsync(table, Click("u", n));
        await db.Client.DeleteItemAsync(table, Item(("pk", S("u")), ("sk", Click("u", 3)["sk"])));
        await db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = Item(("pk", S("u")), ("sk", Click("u", 4)["sk"])), UpdateExpression = "SET price = :p", ExpressionAttributeValues = new() { [":p"] = N(1) },
        });
        await db.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new() { AttributeName = "expires_at", Enabled = true } });
        await db.Client.DeleteTableAsync(gone);

        await db.RestartAsync();

        Assert.Equal([table], (await db.Client.ListTablesAsync(new ListTablesRequest())).TableNames);
        var items = (await db.Client.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "pk = :u", ExpressionAttributeValues = new() { [":u"] = S("u") } })).Items;
        Assert.Equal(29, items.Count);
        Assert.DoesNotContain(items, i => i["event_id"].S == "e000003");
        Assert.Equal("1", items.Single(i => i["event_id"].S == "e000004")["price"].N);
        Assert.Equal("expires_at", (await db.Client.DescribeTimeToLiveAsync(table)).TimeToLiveDescription.AttributeName);
        Assert.Equal(29, (await db.Client.DescribeTableAsync(table)).Table.ItemCount);
    }

    [Fact]
    public async Task An_older_engines_items_log_is_imported_once_with_its_torn_tail_cut()
    {
        await using var db = await InProcessDynamoDb.StartAsync();
        var table = await db.CreateTableAsync();
        await db.StopAsync();
        var folder = Path.Combine(db.DataDirectory, "tables", table);
        File.Delete(Path.Combine(folder, "items.db"));
        var log = new LegacyLogWriter(Path.Combine(folder, "items.log"));
        for (var n = 0; n < 10; n++) log.Put(Click("u", n));
        var changed = Click("u", 1);
        changed.Remove("platform");
        log.Put(changed);
        log.Delete(Item(("pk", S("u")), ("sk", Click("u", 2)["sk"])));
        // A write cut short by SIGKILL: a frame header promising more bytes than follow.
        log.Torn();

        await db.RestartAsync();

        Assert.False(File.Exists(Path.Combine(folder, "items.log")));
        var items = (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Items;
        Assert.Equal(9, items.Count);
        Assert.DoesNotContain(items, i => i["event_id"].S == "e000002");
        Assert.False(items.Single(i => i["event_id"].S == "e000001").ContainsKey("platform"));
        var description = (await db.Client.DescribeTableAsync(table)).Table;
        Assert.Equal(9, description.ItemCount);
        await db.Client.PutItemAsync(table, Click("u", 10));
        await db.RestartAsync();
        Assert.Equal(10, (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Count);
        Assert.Equal(description.TableSizeBytes + ItemBytes(Click("u", 10)), (await db.Client.DescribeTableAsync(table)).Table.TableSizeBytes);
    }

    [Fact]
    public async Task Overwrites_keep_the_latest_version_and_exact_totals_and_the_file_does_not_grow_with_them()
    {
        await using var db = await InProcessDynamoDb.StartAsync();
        var table = await db.CreateTableAsync();
        var file = Path.Combine(db.DataDirectory, "tables", table, "items.db");
        long afterFirstRound = 0;
        for (var round = 0; round < 20; round++)
        {
            for (var n = 0; n < 50; n++)
            {
                var item = Click("u", n);
                item["price"] = N(round);
                await db.Client.PutItemAsync(table, item);
            }
            if (round == 0)
            {
                await db.RestartAsync(); // folds the WAL into the file
                afterFirstRound = new FileInfo(file).Length;
            }
        }

        await db.RestartAsync();

        // 19 more versions of every item appended would be ~200 KB; rewritten in place the file keeps its size (give or take a split page).
        Assert.InRange(new FileInfo(file).Length, 1, afterFirstRound + 16 * 1024);
        var items = (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Items;
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.Equal("19", i["price"].N));
        var description = (await db.Client.DescribeTableAsync(table)).Table;
        Assert.Equal(50, description.ItemCount);
        Assert.Equal(items.Sum(ItemBytes), description.TableSizeBytes);
    }

    /// <summary>DynamoDB's size of an item with only S and small N attributes (names + UTF-8 strings + number bytes).</summary>
    private static long ItemBytes(Dictionary<string, AttributeValue> item) => item.Sum(kv =>
        System.Text.Encoding.UTF8.GetByteCount(kv.Key) + (kv.Value.S is { } s ? System.Text.Encoding.UTF8.GetByteCount(s) : (kv.Value.N.Count(char.IsAsciiDigit) + 1) / 2 + 1));
}
