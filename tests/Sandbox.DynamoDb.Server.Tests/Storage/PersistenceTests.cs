using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Storage;

/// <summary>Tables and items survive a restart; a torn last write is cut; compaction keeps exactly the live items.</summary>
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
    public async Task A_torn_last_record_is_cut_and_everything_before_it_kept()
    {
        await using var db = await InProcessDynamoDb.StartAsync();
        var table = await db.CreateTableAsync();
        for (var n = 0; n < 10; n++) await db.Client.PutItemAsync(table, Click("u", n));
        await db.StopAsync();
        var log = Path.Combine(db.DataDirectory, "tables", table, "items.log");
        var whole = new FileInfo(log).Length;
        // A write cut short by SIGKILL or power loss: a frame header promising more bytes than follow.
        await using (var file = new FileStream(log, FileMode.Append)) file.Write([200, 0, 0, 0, 1, 2, 3, 4, 1, (byte)'{']);

        await db.RestartAsync();

        Assert.Equal(10, (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Count);
        Assert.Equal(whole, new FileInfo(log).Length);
        await db.Client.PutItemAsync(table, Click("u", 10)); // appends cleanly after the cut
        await db.RestartAsync();
        Assert.Equal(11, (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Count);
    }

    [Fact]
    public async Task Compaction_drops_overwritten_versions_and_keeps_the_latest()
    {
        await using var db = await InProcessDynamoDb.StartAsync(compactAtBytes: 16 * 1024);
        var table = await db.CreateTableAsync();
        for (var round = 0; round < 20; round++)
            for (var n = 0; n < 10; n++)
            {
                var item = Click("u", n);
                item["price"] = N(round);
                await db.Client.PutItemAsync(table, item);
            }
        var log = Path.Combine(db.DataDirectory, "tables", table, "items.log");
        Assert.InRange(new FileInfo(log).Length, 1, 2 * 16 * 1024 + 4096);

        await db.RestartAsync();

        var items = (await db.Client.ScanAsync(new ScanRequest { TableName = table })).Items;
        Assert.Equal(10, items.Count);
        Assert.All(items, i => Assert.Equal("19", i["price"].N));
    }
}
