using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;
using static Sandbox.DynamoDb.Server.Tests.Support.Items;

namespace Sandbox.DynamoDb.Server.Tests.Api;

/// <summary>What DynamoDB refuses is refused here too, naming the construct: never a silently different result.</summary>
public sealed class ExpressionErrorTests() : TableTests()
{
    private async Task<string> ScanErrorAsync(string filter, Dictionary<string, string>? names = null, Dictionary<string, AttributeValue>? values = null)
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.ScanAsync(new ScanRequest
        {
            TableName = Table, FilterExpression = filter, ExpressionAttributeNames = names, ExpressionAttributeValues = values,
        }));
        Assert.Equal("ValidationException", error.ErrorCode);
        return error.Message;
    }

    [Fact]
    public async Task Syntax_errors_name_the_token()
    {
        Assert.Contains("token: \"=\"", await ScanErrorAsync("a = = :v", values: new() { [":v"] = S("x") }));
        Assert.Contains("Invalid function name; function: lower", await ScanErrorAsync("lower(a) = :v", values: new() { [":v"] = S("x") }));
    }

    [Fact]
    public async Task Undefined_and_unused_placeholders_are_refused()
    {
        Assert.Contains("attribute value: :missing", await ScanErrorAsync("a = :missing", values: new() { [":v"] = S("x") }));
        Assert.Contains("attribute name: #missing", await ScanErrorAsync("#missing = :v", values: new() { [":v"] = S("x") }));
        Assert.Contains("unused in expressions: keys: {#extra}", await ScanErrorAsync("a = :v", new() { ["#extra"] = "b" }, new() { [":v"] = S("x") }));
        Assert.Contains("unused in expressions: keys: {:extra}", await ScanErrorAsync("a = :v", values: new() { [":v"] = S("x"), [":extra"] = S("y") }));
    }

    [Fact]
    public async Task Legacy_parameters_and_indexes_are_refused_by_name()
    {
        var legacy = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.ScanAsync(new ScanRequest
        {
            TableName = Table, ScanFilter = new() { ["a"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("x")] } },
        }));
        Assert.Contains("ScanFilter", legacy.Message);
        var index = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.QueryAsync(new QueryRequest
        {
            TableName = Table, IndexName = "by-product", KeyConditionExpression = "pk = :v", ExpressionAttributeValues = new() { [":v"] = S("x") },
        }));
        Assert.Contains("IndexName", index.Message);
    }

    [Fact]
    public async Task Invalid_values_are_refused()
    {
        var number = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.PutItemAsync(Table, Item(("pk", S("a")), ("sk", S("b")), ("n", new AttributeValue { N = "12abc" }))));
        Assert.Contains("numeric value: 12abc", number.Message);
        var emptyKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Db.Client.PutItemAsync(Table, Item(("pk", S("")), ("sk", S("b")))));
        Assert.Contains("empty string value. Key: pk", emptyKey.Message);
    }
}
