using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Api;

/// <summary>PutItem, GetItem, UpdateItem, DeleteItem with the conditions and updates the repo uses (the lease table's).</summary>
public sealed class ItemOperationTests() : TableTests("lease_key", range: null)
{
    private Task<PutItemResponse> CreateLeaseAsync(string key) => Db.Client.PutItemAsync(new PutItemRequest
    {
        TableName = Table,
        Item = Item(("lease_key", S(key)), ("application", S("app")), ("lease_counter", N(0)), ("parents", new AttributeValue { SS = ["a", "b"] })),
        ConditionExpression = "attribute_not_exists(lease_key)",
    });

    private Task<UpdateItemResponse> UpdateAsync(string key, string update, string condition, Dictionary<string, AttributeValue> values, string returns = "NONE") =>
        Db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = Item(("lease_key", S(key))), UpdateExpression = update, ConditionExpression = condition,
            ExpressionAttributeNames = new Dictionary<string, string> { ["#owner"] = "lease_owner", ["#counter"] = "lease_counter" }
                .Where(n => update.Contains(n.Key) || condition.Contains(n.Key)).ToDictionary(),
            ExpressionAttributeValues = values, ReturnValues = returns,
        });

    [Fact]
    public async Task Put_if_absent_succeeds_once_then_fails_the_condition()
    {
        await CreateLeaseAsync("app:shard-0");
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => CreateLeaseAsync("app:shard-0"));
        var item = (await Db.Client.GetItemAsync(new GetItemRequest { TableName = Table, Key = Item(("lease_key", S("app:shard-0"))), ConsistentRead = true })).Item;
        Assert.Equal("app", item["application"].S);
        Assert.Equal(["a", "b"], item["parents"].SS);
    }

    [Fact]
    public async Task Conditional_updates_take_renew_and_release_a_lease_like_the_leaseTable()
    {
        await CreateLeaseAsync("k");
        await UpdateAsync("k", "SET #owner = :owner, #counter = :next", "#counter = :seen", new() { [":owner"] = S("w1"), [":next"] = N(1), [":seen"] = N(0) });
        // A stale counter loses.
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() =>
            UpdateAsync("k", "SET #owner = :owner, #counter = :next", "#counter = :seen", new() { [":owner"] = S("w2"), [":next"] = N(1), [":seen"] = N(0) }));
        var renewed = await UpdateAsync("k", "SET #counter = :next", "#owner = :owner AND #counter = :seen",
            new() { [":owner"] = S("w1"), [":next"] = N(2), [":seen"] = N(1) }, "ALL_NEW");
        Assert.Equal("2", renewed.Attributes["lease_counter"].N);
        Assert.Equal("w1", renewed.Attributes["lease_owner"].S);
        var released = await UpdateAsync("k", "REMOVE #owner SET #counter = :next", "#owner = :owner AND #counter = :seen",
            new() { [":owner"] = S("w1"), [":next"] = N(3), [":seen"] = N(2) }, "UPDATED_NEW");
        Assert.Equal(["lease_counter"], released.Attributes.Keys);
        var item = (await Db.Client.GetItemAsync(Table, Item(("lease_key", S("k"))))).Item;
        Assert.False(item.ContainsKey("lease_owner"));
        Assert.Equal("3", item["lease_counter"].N);
    }

    [Fact]
    public async Task Update_expressions_add_remove_append_and_default()
    {
        var key = Item(("lease_key", S("u")));
        // info does not exist yet: the nested SET is invalid, and nothing is written.
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = key, UpdateExpression = "SET info.#n = :v",
            ExpressionAttributeNames = new() { ["#n"] = "name" }, ExpressionAttributeValues = new() { [":v"] = S("x") },
        }));
        Assert.Contains("document path", error.Message);
        Assert.Empty((await Db.Client.GetItemAsync(Table, key)).Item ?? []);

        var updated = await Db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = key, ReturnValues = ReturnValue.ALL_NEW,
            UpdateExpression = "SET hits = if_not_exists(hits, :zero) + :one, tags = list_append(if_not_exists(tags, :empty), :tag) ADD seen :set, total :five",
            ExpressionAttributeValues = new()
            {
                [":zero"] = N(0), [":one"] = N(1), [":empty"] = new() { L = [], IsLSet = true }, [":tag"] = new() { L = [S("x")] },
                [":set"] = new() { SS = ["a"] }, [":five"] = N(5),
            },
        });
        Assert.Equal("1", updated.Attributes["hits"].N);
        Assert.Equal("x", Assert.Single(updated.Attributes["tags"].L).S);
        Assert.Equal(["a"], updated.Attributes["seen"].SS);
        Assert.Equal("5", updated.Attributes["total"].N);

        var second = await Db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = key, ReturnValues = ReturnValue.ALL_NEW,
            UpdateExpression = "SET hits = hits + :one REMOVE tags[0] DELETE seen :set",
            ExpressionAttributeValues = new() { [":one"] = N(1), [":set"] = new() { SS = ["a"] } },
        });
        Assert.Equal("2", second.Attributes["hits"].N);
        Assert.Empty(second.Attributes["tags"].L);
        Assert.False(second.Attributes.ContainsKey("seen"));
    }

    [Fact]
    public async Task Delete_returns_the_old_item_and_honours_its_condition()
    {
        await CreateLeaseAsync("d");
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Db.Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = Table, Key = Item(("lease_key", S("d"))), ConditionExpression = "lease_counter > :n",
            ExpressionAttributeValues = new() { [":n"] = N(0) },
        }));
        var deleted = await Db.Client.DeleteItemAsync(new DeleteItemRequest { TableName = Table, Key = Item(("lease_key", S("d"))), ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("app", deleted.Attributes["application"].S);
        Assert.Empty((await Db.Client.GetItemAsync(Table, Item(("lease_key", S("d"))))).Item ?? []);
    }

    [Fact]
    public async Task GetItem_projects_the_named_paths()
    {
        await Db.Client.PutItemAsync(Table, Item(("lease_key", S("p")), ("a", S("1")), ("m", new AttributeValue { M = new() { ["x"] = S("y"), ["z"] = S("w") } })));
        var item = (await Db.Client.GetItemAsync(new GetItemRequest
        {
            TableName = Table, Key = Item(("lease_key", S("p"))), ProjectionExpression = "#a, m.x", ExpressionAttributeNames = new() { ["#a"] = "a" },
        })).Item;
        Assert.Equal(["a", "m"], item.Keys.Order());
        Assert.Equal(["x"], item["m"].M.Keys);
    }

    [Fact]
    public async Task Keys_and_items_that_break_the_rules_are_validation_errors()
    {
        async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<AmazonDynamoDBException>(call)).Message;

        Assert.Contains("Missing the key lease_key", await Refused(() => Db.Client.PutItemAsync(Table, Item(("other", S("x"))))));
        Assert.Contains("Type mismatch for key lease_key", await Refused(() => Db.Client.PutItemAsync(Table, Item(("lease_key", N(1))))));
        Assert.Contains("does not match the schema", await Refused(() => Db.Client.GetItemAsync(Table, Item(("lease_key", S("x")), ("more", S("y"))))));
        Assert.Contains("maximum allowed size", await Refused(() => Db.Client.PutItemAsync(Table, Item(("lease_key", S("big")), ("body", S(new string('x', 410 * 1024)))))));
        Assert.Contains("part of the key", await Refused(() => Db.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = Item(("lease_key", S("k"))), UpdateExpression = "SET lease_key = :v", ExpressionAttributeValues = new() { [":v"] = S("z") },
        })));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Db.Client.PutItemAsync("no-such-table", Item(("lease_key", S("x")))));
    }
}
